package cn.city.party.infra.local;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the same java that runs the launcher, with the infra module's class path. */
final class Jvm {

    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> command(Path root, List<String> jvmOptions, String mainClass, String... args) {
        Path infra = root.resolve("infra/target");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(infra.resolve("classes") + File.pathSeparator + infra.resolve("lib") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    static List<String> jar(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
