-- Migration V11 emptied the views of the first edition (all but the audit trail, whose shape
-- stayed): their processors start again from the first event, so that each is rebuilt in the
-- second edition's shape at the next start. Their dead letters go too: the rebuild handles every
-- event again, and one that still fails is dead-lettered anew.

DELETE FROM tokenentry WHERE processorname IN ('positions', 'meetings', 'exchanges', 'overview');
DELETE FROM deadletterentry WHERE processinggroup IN ('positions', 'meetings', 'exchanges', 'overview');
