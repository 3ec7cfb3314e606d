package io.autoremediate.functions.notify;


/** Somewhere people are told: SNS, Slack, PagerDuty, an ITSM webhook, the local console. */
public interface NotificationChannel {

    /** A short name for records and logs, e.g. {@code slack}. */
    String name();

    /** Delivers or throws; returns a short receipt (message id, status) for the record. */
    String deliver(Notice notice) throws NotificationFailedException;
}
