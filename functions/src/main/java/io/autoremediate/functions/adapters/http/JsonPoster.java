package io.autoremediate.functions.adapters.http;

import io.autoremediate.functions.notify.NotificationFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Posts JSON to one webhook for one channel. Retries a few times on 429 and 5xx (waiting as Retry-After asks,
 * capped so a Lambda never sleeps long) and when the connection could not be made; any other answer fails at
 * once. Failure messages name the channel, the host and the peer's answer, and never the URL's path, query or
 * any secret: webhook URLs and keys grant the right to post.
 */
final class JsonPoster {

    static final int MAX_ATTEMPTS = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(3);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BODY_IN_MESSAGE = 300;

    /** The pause between attempts; a seam so tests check the waits without waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What the peer answered with a 2xx. */
    record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final String channel;
    private final Sleeper sleeper;
    private final Supplier<ZonedDateTime> clock;

    JsonPoster(HttpClient http, String channel) {
        this(http, channel, duration -> Thread.sleep(duration.toMillis()), ZonedDateTime::now);
    }

    JsonPoster(HttpClient http, String channel, Sleeper sleeper, Supplier<ZonedDateTime> clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param headers extra request headers (e.g. Authorization)
     * @param secrets strings that must never appear in a failure message (keys, tokens); the URL's path and
     *                query are always kept out
     */
    Answer post(URI uri, String json, Map<String, String> headers, List<String> secrets)
            throws NotificationFailedException {
        Redactor redactor = new Redactor(uri, secrets);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        String lastProblem = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Answer(status, response.body());
                }
                lastProblem = "HTTP " + status + answerText(response.body(), redactor);
                if (status != 429 && status < 500) {
                    throw new NotificationFailedException(failure(redactor, lastProblem, attempt));
                }
                wait = retryAfter(response).orElse(backoff(attempt));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // Nothing reached the peer, so a retry cannot duplicate the message.
                lastProblem = "could not connect (" + redactor.clean(String.valueOf(e.getMessage())) + ")";
                wait = backoff(attempt);
            } catch (IOException e) {
                // The request may have arrived; a retry could page twice, so report instead.
                throw new NotificationFailedException(failure(redactor, "no answer ("
                        + e.getClass().getSimpleName() + ": " + redactor.clean(String.valueOf(e.getMessage()))
                        + ")", attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotificationFailedException(failure(redactor, "interrupted", attempt));
            }
            if (attempt < MAX_ATTEMPTS) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NotificationFailedException(failure(redactor, lastProblem + ", then interrupted",
                            attempt));
                }
            }
        }
        throw new NotificationFailedException(failure(redactor, lastProblem, MAX_ATTEMPTS));
    }

    private String failure(Redactor redactor, String problem, int attempts) {
        return channel + ": " + redactor.destination() + " answered " + problem + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts");
    }

    private static String answerText(String body, Redactor redactor) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        if (oneLine.length() > MAX_BODY_IN_MESSAGE) {
            oneLine = oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…";
        }
        return ": " + redactor.clean(oneLine);
    }

    private static Duration backoff(int attempt) {
        return FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
    }

    /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), capped at {@link #MAX_WAIT}. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            Duration asked;
            try {
                asked = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notSeconds) {
                try {
                    asked = Duration.between(clock.get(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
            if (asked.isNegative()) {
                asked = Duration.ZERO;
            }
            return Optional.of(asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked);
        });
    }
}
