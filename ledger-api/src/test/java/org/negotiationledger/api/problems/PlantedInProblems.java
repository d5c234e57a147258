package org.negotiationledger.api.problems;

import org.negotiationledger.api.commands.CommandSender;

/** A class of the ground floor that uses a package it may not: the layered rule must catch it. */
public final class PlantedInProblems {

    private PlantedInProblems() {
    }

    static Class<?> misuse() {
        return CommandSender.class;
    }
}
