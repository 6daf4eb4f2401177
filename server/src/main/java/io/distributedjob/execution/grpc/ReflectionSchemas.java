package io.distributedjob.execution.grpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.distributedjob.targets.GrpcTarget;
import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a target's service schemas through gRPC server reflection, so a task can call any service without its
 * stubs. A schema is cached per target and service until a call shows that it has changed. What a target may
 * make the scheduler do is bounded: at most {@link #MAX_FILES} files, dependency chains at most
 * {@link #MAX_DEPTH} deep, within the call's deadline; files that depend on each other in a circle are refused.
 * A schema that cannot be built is remembered for {@link #FAILURE_TTL}, so a broken target costs one lookup per
 * interval rather than one per fire.
 */
@Component
class ReflectionSchemas {

    static final int MAX_FILES = 256;
    static final int MAX_DEPTH = 64;
    static final Duration FAILURE_TTL = Duration.ofSeconds(30);
    /** Most services of one target a listing describes, in name order; a target offering more shows these. */
    static final int MAX_SERVICES = 64;
    /** The reflection service lists itself; it is how the scheduler reads a target, never what a task calls. */
    private static final String REFLECTION_PACKAGE = "grpc.reflection.";

    private record Failure(Status status, Instant until) {
    }

    private final Map<GrpcTarget, ServiceDescriptor> cache = new ConcurrentHashMap<>();
    private final Map<GrpcTarget, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    ReflectionSchemas(Clock clock) {
        this.clock = clock;
    }

    ServiceDescriptor describe(Channel channel, GrpcTarget target, Deadline deadline) {
        ServiceDescriptor cached = cache.get(target);
        if (cached != null) {
            return cached;
        }
        Failure failure = failures.get(target);
        if (failure != null && clock.instant().isBefore(failure.until())) {
            throw failure.status().asRuntimeException();
        }
        try {
            ServiceDescriptor fetched = fetch(channel, target, deadline);
            cache.put(target, fetched);
            failures.remove(target);
            return fetched;
        } catch (SchemaException e) {
            failures.put(target, new Failure(e.getStatus(), clock.instant().plus(FAILURE_TTL)));
            throw e;
        }
    }

    /**
     * Every service the target offers but its reflection service, read afresh (what fires use is refreshed
     * with it, so a redeployed target is listed and called as it is now).
     */
    List<ServiceDescriptor> describeAll(Channel channel, GrpcTarget target, Deadline deadline) {
        List<String> names = new ReflectionStream(channel, deadline).services().stream()
                .filter(name -> !name.startsWith(REFLECTION_PACKAGE)).sorted().limit(MAX_SERVICES).toList();
        List<ServiceDescriptor> services = new ArrayList<>();
        for (String name : names) {
            GrpcTarget service = target.withService(name);
            forget(service);
            services.add(describe(channel, service, deadline));
        }
        return services;
    }

    void forget(GrpcTarget target) {
        cache.remove(target);
        failures.remove(target);
    }

    /** A schema the target described but that cannot be built; remembered for a while. */
    private static final class SchemaException extends StatusRuntimeException {
        SchemaException(String description) {
            super(Status.FAILED_PRECONDITION.withDescription(description));
        }
    }

    private static ServiceDescriptor fetch(Channel channel, GrpcTarget target, Deadline deadline) {
        Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
        ReflectionStream reflection = new ReflectionStream(channel, deadline);
        addAll(files, reflection.ask(ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol(target.service()).build()));
        Deque<String> missing = new ArrayDeque<>();
        files.values().forEach(file -> missing.addAll(file.getDependencyList()));
        Set<String> asked = new HashSet<>();
        while (!missing.isEmpty()) {
            String name = missing.pop();
            if (files.containsKey(name) || !asked.add(name)) {
                continue;
            }
            if (files.size() >= MAX_FILES || asked.size() > MAX_FILES) {
                throw new SchemaException("the target's schema needs more than " + MAX_FILES + " files");
            }
            List<FileDescriptorProto> found = reflection.ask(
                    ServerReflectionRequest.newBuilder().setFileByFilename(name).build());
            addAll(files, found);
            found.forEach(file -> missing.addAll(file.getDependencyList()));
        }
        Map<String, FileDescriptor> built = new HashMap<>();
        for (String name : files.keySet()) {
            FileDescriptor file = build(name, files, built, new LinkedHashSet<>());
            String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
            if (target.service().startsWith(prefix)) {
                ServiceDescriptor service = file.findServiceByName(target.service().substring(prefix.length()));
                if (service != null) {
                    return service;
                }
            }
        }
        throw Status.NOT_FOUND.withDescription("service " + target.service() + " not described by the target")
                .asRuntimeException();
    }

    /** Builds {@code name} after its dependencies; {@code path} holds the files being built above it. */
    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> files,
                                        Map<String, FileDescriptor> built, SequencedSet<String> path) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        if (path.contains(name)) {
            throw new SchemaException("the target's schema files depend on each other in a circle: "
                    + String.join(" -> ", path) + " -> " + name);
        }
        if (path.size() >= MAX_DEPTH) {
            throw new SchemaException("the target's schema files depend on each other more than " + MAX_DEPTH + " deep");
        }
        FileDescriptorProto proto = files.get(name);
        if (proto == null) {
            throw new SchemaException("the target did not describe " + name);
        }
        path.addLast(name);
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(build(dependency, files, built, path));
        }
        path.removeLast();
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new SchemaException("invalid schema from the target: " + e.getMessage());
        }
    }

    private static void addAll(Map<String, FileDescriptorProto> files, List<FileDescriptorProto> found) {
        found.forEach(file -> files.putIfAbsent(file.getName(), file));
    }
}
