package io.autoremediate.local.cli;

import picocli.CommandLine;

/** The version the build stamped into the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"autoremediate " + (version == null ? "(development build)" : version)};
    }
}
