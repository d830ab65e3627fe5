package io.qspace.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The qspace version of this build, from a properties file Maven fills in (resource filtering), so models and
 * results name the version that made them even when qspace runs from classes rather than a jar; and the CDK
 * version, whose descriptor values a model depends on.
 */
public final class QspaceVersion {
    private static final String RESOURCE = "qspace-version.properties";
    private static volatile String version;

    private QspaceVersion() {}

    /** The build's version; a build that skipped resource filtering fails here, saying so, not at class loading. */
    public static String current() {
        String v = version;
        if (v == null) {
            v = read();
            version = v;
        }
        return v;
    }

    /** CDK's version as its jar names it ("2.12"), or "unknown". */
    public static String cdk() {
        try {
            String v = org.openscience.cdk.CDK.getVersion();
            return v == null || v.isBlank() ? "unknown" : v;
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private static String read() {
        try (InputStream in = QspaceVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("qspace's build left out " + RESOURCE + " next to "
                        + QspaceVersion.class.getName() + ": rebuild with Maven (mvn -pl qsar-dsl -am install)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by the build (version '" + v
                        + "'): rebuild with Maven");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
