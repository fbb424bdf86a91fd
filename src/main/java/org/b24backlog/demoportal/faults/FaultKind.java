package org.b24backlog.demoportal.faults;

/** The kinds of misbehaviour the demo portal can inject, as the request journal names them. */
public enum FaultKind {
    /** A fixed sleep before the call runs, after which the call returns its normal response. */
    LATENCY,
    /** A Bitrix24 error envelope instead of the result. */
    ERROR,
    /** HTTP 401 {@code expired_token}, and the access token really expires. */
    EXPIRED_TOKEN,
    /** HTTP 302 to the portal's renamed domain. */
    RENAME,
    /** A 5xx status with an HTML page in place of JSON, as a proxy in front of the portal sends. */
    HTML_ERROR,
    /** A sleep long enough for the client to time out, before or after the call's effect. */
    SLOW_RESPONSE
}
