package org.negotiationledger.api.importing.eventdata;

import org.negotiationledger.core.api.EventCoding.CodedActor;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of event data, in the terms the three formats share: actor A did CAMEO action X towards
 * actor B on a day, as some report said. A field a format does not have is null.
 *
 * @param line      the row's line in the file, from 1
 * @param eventId   the dataset's id of the row (GLOBALEVENTID, ICEWS Event ID)
 * @param code      the CAMEO action code, as text with its leading zeros
 * @param root      whether the row is the main event of its report's paragraph (GDELT's IsRootEvent)
 * @param addedOn   the day the row entered the dataset (GDELT's DATEADDED)
 * @param place     where the action took place, in words (GDELT's ActionGeo_FullName, ICEWS's city and country)
 * @param latitude  the place's latitude (GDELT's ActionGeo_Lat, ICEWS's Latitude)
 * @param longitude the place's longitude
 * @param url       the report's address (GDELT's SOURCEURL)
 * @param publisher the report's publisher (ICEWS)
 * @param story     the report's story and sentence (ICEWS: "Story ID/Sentence Number")
 */
record EventRow(long line, String eventId, LocalDate day, CodedActor actor, CodedActor target, String code,
                Integer quadClass, BigDecimal goldstein, BigDecimal tone, Integer mentions, Integer sources,
                Integer articles, Boolean root, LocalDate addedOn, String place, BigDecimal latitude,
                BigDecimal longitude, String url, String publisher, String story) {
}
