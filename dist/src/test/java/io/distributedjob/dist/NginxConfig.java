package io.distributedjob.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * An NGINX configuration read into its directives and blocks (there is no {@code nginx -t} on every machine):
 * enough to check which upstreams, servers and locations a file defines.
 */
record NginxConfig(String name, List<String> args, List<NginxConfig> children) {

    static NginxConfig parse(Path file) throws IOException {
        NginxConfig root = new NginxConfig("", List.of(), new ArrayList<>());
        Deque<NginxConfig> open = new ArrayDeque<>(List.of(root));
        List<String> words = new ArrayList<>();
        for (String token : tokens(Files.readString(file))) {
            switch (token) {
                case "{" -> {
                    NginxConfig block = directive(words);
                    open.peek().children().add(block);
                    open.push(block);
                    words.clear();
                }
                case ";" -> {
                    open.peek().children().add(directive(words));
                    words.clear();
                }
                case "}" -> {
                    if (!words.isEmpty() || open.size() == 1) {
                        throw new IllegalArgumentException(file + ": unexpected } after " + words);
                    }
                    open.pop();
                }
                default -> words.add(token);
            }
        }
        if (open.size() != 1 || !words.isEmpty()) {
            throw new IllegalArgumentException(file + ": unclosed block or directive without ;");
        }
        return root;
    }

    /** Direct children with this name. */
    List<NginxConfig> all(String directive) {
        return children.stream().filter(child -> child.name().equals(directive)).toList();
    }

    /** Children with this name at any depth. */
    List<NginxConfig> find(String directive) {
        return Stream.concat(all(directive).stream(), children.stream().flatMap(child -> child.find(directive).stream()))
                .toList();
    }

    String arg(int index) {
        return args.get(index);
    }

    private static NginxConfig directive(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty directive");
        }
        return new NginxConfig(words.getFirst(), List.copyOf(words.subList(1, words.size())), new ArrayList<>());
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                tokens.add(word + text.substring(i + 1, end));
                word.setLength(0);
                i = end;
            } else if (Character.isWhitespace(c) || c == '{' || c == '}' || c == ';') {
                if (!word.isEmpty()) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
