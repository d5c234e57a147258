package org.negotiationledger.core.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a record comes from: the publication, its date and language, and the quote in the
 * original language, so that a reader can check the record against what was printed. A source
 * may be graded on the Admiralty scale analysts use: {@code reliability} of the source from A
 * (completely reliable) to F (cannot be judged), {@code credibility} of the information from 1
 * (confirmed by other sources) to 6 (cannot be judged).
 */
public record Source(String publisher, String title, String url, LocalDate publishedOn,
                     String language, String quote, String reliability, Integer credibility) {

    /** A source without a grade. */
    public Source(String publisher, String title, String url, LocalDate publishedOn, String language, String quote) {
        this(publisher, title, url, publishedOn, language, quote, null, null);
    }

    /**
     * How many independent publishers the sources come from: the same publisher twice counts once
     * (by its name, or by the address's host where no name is given); a source with neither counts
     * on its own.
     */
    public static int publishers(List<Source> sources) {
        Set<String> publishers = new LinkedHashSet<>();
        int unnamed = 0;
        for (Source source : sources) {
            String publisher = source.publisherKey();
            if (publisher == null) {
                unnamed++;
            } else {
                publishers.add(publisher);
            }
        }
        return publishers.size() + unnamed;
    }

    /** The day the first of the sources was published, or null when none says. */
    public static LocalDate firstPublished(List<Source> sources) {
        return sources.stream().map(Source::publishedOn).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(null);
    }

    /**
     * Whether {@code url} is a site's front page (nothing after the host but "/"), which says
     * nothing of where a record was reported.
     */
    public static boolean isFrontPage(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI address = new URI(url);
            String path = address.getRawPath();
            return (path == null || path.isEmpty() || path.equals("/")) && address.getRawQuery() == null
                    && address.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String publisherKey() {
        if (publisher != null && !publisher.isBlank()) {
            return publisher.strip().toLowerCase(Locale.ROOT);
        }
        if (url != null) {
            try {
                String host = new URI(url).getHost();
                if (host != null) {
                    host = host.toLowerCase(Locale.ROOT);
                    return host.startsWith("www.") ? host.substring(4) : host;
                }
            } catch (URISyntaxException e) {
                return url;
            }
        }
        return null;
    }
}
