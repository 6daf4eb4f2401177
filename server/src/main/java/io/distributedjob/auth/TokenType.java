package io.distributedjob.auth;

/**
 * The two kinds of token. Each carries its kind both in the JOSE {@code typ} header and in a claim, and each is
 * checked for both, so one is never accepted as the other.
 */
enum TokenType {
    ACCESS("at+jwt", "access"),
    REFRESH("refresh+jwt", "refresh");

    private final String header;
    private final String claim;

    TokenType(String header, String claim) {
        this.header = header;
        this.claim = claim;
    }

    String header() {
        return header;
    }

    String claim() {
        return claim;
    }
}
