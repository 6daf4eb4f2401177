package io.distributedjob.execution.grpc;

import java.util.Set;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

/**
 * A request message to start editing from, as the JSON a task's {@code grpcParams} holds: every field with its
 * zero value, the first name of an enum, one item in a repeated field and one entry in a map, and of a oneof only
 * its first field, as a request may set only one. Nested messages are filled in down to {@link #MAX_DEPTH} levels
 * and up to {@link #MAX_FIELDS} fields in all, past which they are left out, so that a message that contains
 * itself, or a very wide schema, still gives a template a person can read. The template is built as a message and
 * printed by protobuf's JSON printer, so it is exactly what the caller parses back.
 */
final class RequestTemplates {

    static final int MAX_DEPTH = 4;
    static final int MAX_FIELDS = 500;

    /** Printed by the JSON printer in their own forms (a time, a duration) or needing more than an example value. */
    private static final String WELL_KNOWN_PACKAGE = "google.protobuf";
    /** An Any names a type the scheduler cannot resolve, an empty Value holds no kind: neither prints, both stay out. */
    private static final Set<String> LEFT_OUT = Set.of("google.protobuf.Any", "google.protobuf.Value");

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();

    private int fieldsLeft = MAX_FIELDS;

    private RequestTemplates() {
    }

    static String of(Descriptor type) {
        try {
            return PRINTER.print(new RequestTemplates().message(type, 1));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the template of " + type.getFullName() + " does not print", e);
        }
    }

    private DynamicMessage message(Descriptor type, int depth) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        if (type.getFile().getPackage().equals(WELL_KNOWN_PACKAGE) || depth > MAX_DEPTH
                || type.getFields().size() > fieldsLeft) {
            return builder.build();
        }
        fieldsLeft -= type.getFields().size();
        for (FieldDescriptor field : type.getFields()) {
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null && oneof.getField(0) != field) {
                continue;
            }
            if (field.isMapField()) {
                builder.addRepeatedField(field, mapEntry(field.getMessageType(), depth));
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (!LEFT_OUT.contains(field.getMessageType().getFullName())) {
                    Object value = message(field.getMessageType(), depth + 1);
                    set(builder, field, value);
                }
            } else {
                set(builder, field, example(field));
            }
        }
        return builder.build();
    }

    /** One entry with an example key ({@code "key"}, 0 or false) and the template of its value. */
    private DynamicMessage mapEntry(Descriptor entry, int depth) {
        FieldDescriptor key = entry.findFieldByName("key");
        FieldDescriptor value = entry.findFieldByName("value");
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(entry)
                .setField(key, key.getJavaType() == FieldDescriptor.JavaType.STRING ? "key" : example(key));
        if (value.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            builder.setField(value, example(value));
        } else if (!LEFT_OUT.contains(value.getMessageType().getFullName())) {
            builder.setField(value, message(value.getMessageType(), depth + 1));
        }
        return builder.build();
    }

    private static void set(DynamicMessage.Builder builder, FieldDescriptor field, Object value) {
        if (field.isRepeated()) {
            builder.addRepeatedField(field, value);
        } else {
            builder.setField(field, value);
        }
    }

    /** The zero value of a scalar field (of one item, for a repeated one), or the first value of an enum. */
    private static Object example(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case INT -> 0;
            case LONG -> 0L;
            case FLOAT -> 0F;
            case DOUBLE -> 0D;
            case BOOLEAN -> false;
            case STRING -> "";
            case BYTE_STRING -> ByteString.EMPTY;
            case ENUM -> field.getEnumType().getValues().getFirst();
            case MESSAGE -> throw new IllegalArgumentException(field.getFullName() + " is a message");
        };
    }
}
