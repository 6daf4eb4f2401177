package io.distributedjob.user;

/** Body of {@code PATCH /users/{id}/password}; {@code oldPassword} is needed when changing one's own. */
record PasswordChangeRequest(String oldPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
