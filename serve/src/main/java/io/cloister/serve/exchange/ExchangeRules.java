package io.cloister.serve.exchange;

import java.time.Duration;

/**
 * The limits one app's exchanges run under.
 *
 * @param answerDeadline how long a guest may take to start its response (or fail)
 * @param exchangeDeadline how long a whole exchange may take, body included
 * @param bodySilence the longest pause within a request body the app reads
 * @param maxPayloadSize the largest request body in bytes (else 413, or a failed read when the
 *     body has no length), -1 for no limit
 */
public record ExchangeRules(
    Duration answerDeadline, Duration exchangeDeadline, Duration bodySilence, long maxPayloadSize) {}
