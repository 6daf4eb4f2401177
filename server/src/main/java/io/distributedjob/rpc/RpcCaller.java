package io.distributedjob.rpc;

import java.util.Arrays;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.ApiException;
import io.grpc.Context;

/**
 * Who is making the gRPC call being handled: set by {@link RpcAuthInterceptor} in the call's context, read by the
 * services.
 */
final class RpcCaller {

    static final Context.Key<CurrentUser> USER = Context.key("distributedjob.user");
    static final Context.Key<String> CLIENT_ADDRESS = Context.key("distributedjob.client-address");

    private RpcCaller() {
    }

    /** The authenticated caller; every method that is not public has one. */
    static CurrentUser user() {
        CurrentUser user = USER.get();
        if (user == null) {
            throw ApiException.unauthorized(RpcAuthInterceptor.MISSING_TOKEN);
        }
        return user;
    }

    /** The authenticated caller, provided they hold one of {@code permissions} (PERMISSION_DENIED otherwise). */
    static CurrentUser requiring(String... permissions) {
        CurrentUser user = user();
        if (Arrays.stream(permissions).noneMatch(user::has)) {
            throw ApiException.forbidden("this needs the permission " + String.join(" or ", permissions));
        }
        return user;
    }

    /** The caller's network address, as REST records it (such as {@code 127.0.0.1}); null when unknown. */
    static String clientAddress() {
        return CLIENT_ADDRESS.get();
    }
}
