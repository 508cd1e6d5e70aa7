package dev.nashforge.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code nash --version}: the {@code Implementation-Version} of the runnable jar's
 * manifest, or "development build" when run from class files.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = NashCommand.class.getPackage().getImplementationVersion();
        return new String[] {"nash (NashForge) " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
