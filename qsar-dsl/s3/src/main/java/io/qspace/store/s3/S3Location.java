package io.qspace.store.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code s3://bucket/prefix?region=..&endpoint=..&pathStyle=..&retryWindow=..} URI says. Parsing is strict:
 * an unknown parameter is most likely a typo, and a silently ignored {@code pathstyle=true} costs an afternoon.
 * Credentials are refused outright: URIs end up in logs, notebooks and result records.
 */
record S3Location(URI uri, String bucket, String prefix, Optional<String> region, Optional<URI> endpoint,
                  boolean pathStyle, Duration retryWindow) {

    static final Duration DEFAULT_RETRY_WINDOW = Duration.ofSeconds(60);
    private static final Set<String> KNOWN = Set.of("region", "endpoint", "pathStyle", "retryWindow");
    private static final Set<String> SECRETS = Set.of("accesskey", "accesskeyid", "secretkey", "secretaccesskey",
            "sessiontoken", "token", "password", "credentials", "profile");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    static S3Location parse(URI uri) {
        if (!"s3".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String authority = uri.getRawAuthority();
        if (authority != null && authority.contains("@")) {
            throw new IllegalArgumentException("credentials in the URI are not accepted (" + redacted(uri) + "): "
                    + "they come only from the AWS default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
                    + "AWS_PROFILE, or the instance/pod role)");
        }
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("no bucket in '" + uri + "': write s3://bucket/optional/prefix");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String prefix = trimSlashes(path);
        if (prefix.contains("//")) {
            throw new IllegalArgumentException("empty segment in the prefix of '" + uri + "'");
        }
        Map<String, String> params = query(uri);
        for (String name : params.keySet()) {
            if (SECRETS.contains(name.toLowerCase())) {
                throw new IllegalArgumentException("parameter '" + name + "' is not accepted in " + redacted(uri)
                        + ": credentials come only from the AWS default chain (environment, profile, instance/pod role)");
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' in " + uri + ": known are "
                        + KNOWN + " (names are case-sensitive)");
            }
        }
        Optional<URI> endpoint = Optional.ofNullable(params.get("endpoint")).map(e -> endpoint(e, uri));
        String pathStyle = params.getOrDefault("pathStyle", "false");
        if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
            throw new IllegalArgumentException("pathStyle must be true or false in " + uri);
        }
        Duration window = Optional.ofNullable(params.get("retryWindow")).map(w -> duration(w, uri))
                .orElse(DEFAULT_RETRY_WINDOW);
        return new S3Location(uri, authority, prefix.isEmpty() ? "" : prefix + "/",
                Optional.ofNullable(params.get("region")).filter(r -> !r.isBlank()), endpoint,
                Boolean.parseBoolean(pathStyle), window);
    }

    /** Where requests go, for messages: the endpoint override, else AWS's own. */
    String endpointText() {
        return endpoint.map(URI::toString).orElse("AWS S3" + region.map(r -> " (" + r + ")").orElse(""));
    }

    private static URI endpoint(String text, URI uri) {
        URI e = URI.create(text);
        if (e.getScheme() == null || !(e.getScheme().equals("http") || e.getScheme().equals("https"))
                || e.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an http:// or https:// URL, got '" + text + "' in "
                    + uri);
        }
        if (e.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in the endpoint are not accepted: they come only from "
                    + "the AWS default chain");
        }
        return e;
    }

    private static Duration duration(String text, URI uri) {
        if (text.startsWith("PT") || text.startsWith("pt")) {
            return Duration.parse(text);
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("retryWindow '" + text + "' in " + uri
                    + " is not a duration: write e.g. 60s, 500ms, 2m or 0 to fail at once");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static String trimSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String redacted(URI uri) {
        return "s3://" + (uri.getHost() == null ? "?" : uri.getHost()) + (uri.getPath() == null ? "" : uri.getPath())
                + " (query not shown)";
    }
}
