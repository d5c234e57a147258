package org.negotiationledger.core.api;

/**
 * How far an agreement goes, in the stages the PA-X database of peace agreements codes: talks
 * about talks, a ceasefire, a framework of principles, a comprehensive settlement, the
 * implementation of an earlier agreement, or its renewal.
 */
public enum AgreementStage {
    PRE_NEGOTIATION, CEASEFIRE, FRAMEWORK, COMPREHENSIVE, IMPLEMENTATION, RENEWAL
}
