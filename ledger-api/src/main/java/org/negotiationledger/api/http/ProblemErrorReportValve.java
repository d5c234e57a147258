package org.negotiationledger.api.http;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.negotiationledger.api.problems.ProblemType;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Answers what the web server refuses before the ledger sees it (an encoded slash or NUL in the
 * path, a malformed request line) as a problem, under the same security headers as every other
 * answer, instead of the server's own page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "The request was refused" : known.getReasonPhrase();
        try {
            response.setHeader("Content-Security-Policy", ResponseHeadersFilter.CONTENT_SECURITY_POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + (status >= 500 ? ProblemType.INTERNAL_ERROR.type()
                        : ProblemType.REJECTED_REQUEST.type())
                        + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + (status == 400 ? ProblemType.REJECTED_REQUEST_DETAIL : title) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing more to say
        }
    }

    /** Puts this valve in the place of the server's own error page. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
        }
    }
}
