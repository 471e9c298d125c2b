package cn.city.party.e2e.city;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line of the city's programs: {@code --name value} options, each with its default, and {@code --name}
 * flags. An option the program does not know is refused, with the ones it knows, rather than silently left unused.
 */
final class ProgramOptions {

    private final String program;
    /** Value options by name: the default, or the placeholder shown in the usage when there is none. */
    private final Map<String, Default> options = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<String, String> given = new HashMap<>();

    private record Default(String value, String placeholder) {
    }

    private ProgramOptions(String program) {
        this.program = program;
    }

    static ProgramOptions of(String program) {
        return new ProgramOptions(program);
    }

    ProgramOptions option(String name, String byDefault) {
        options.put(name, new Default(byDefault, byDefault));
        return this;
    }

    /** An option with no default: {@link #text} is null unless it is given. */
    ProgramOptions optional(String name, String placeholder) {
        options.put(name, new Default(null, placeholder));
        return this;
    }

    ProgramOptions flag(String name) {
        flags.add(name);
        return this;
    }

    /** The options and flags of {@code args}; a later one of the same name wins. */
    ProgramOptions parse(String... args) {
        ProgramOptions parsed = new ProgramOptions(program);
        parsed.options.putAll(options);
        parsed.flags.addAll(flags);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null) {
                throw refused("unexpected argument " + args[i]);
            } else if (flags.contains(name)) {
                parsed.given.put(name, "");
            } else if (!options.containsKey(name)) {
                throw refused("unknown option " + args[i]);
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw refused(args[i] + " needs a value");
            } else {
                parsed.given.put(name, args[++i]);
            }
        }
        return parsed;
    }

    String text(String name) {
        Default option = options.get(name);
        if (option == null) {
            throw new IllegalArgumentException(program + " has no option --" + name);
        }
        return given.getOrDefault(name, option.value());
    }

    /** A count, a duration or the like: 0 or more. */
    int integer(String name) {
        return notNegative(name, number(name, Integer::parseInt, "a whole number"));
    }

    /** A seed: any whole number. */
    long longInteger(String name) {
        return number(name, Long::parseLong, "a whole number");
    }

    /** A scale or a rate: 0 or more. */
    double decimal(String name) {
        return notNegative(name, number(name, Double::parseDouble, "a number"));
    }

    Path path(String name) {
        return Path.of(text(name));
    }

    boolean isSet(String flag) {
        if (!flags.contains(flag)) {
            throw new IllegalArgumentException(program + " has no flag --" + flag);
        }
        return given.containsKey(flag);
    }

    /** {@code program [--name default] … [--flag] …}: the options it knows, with their defaults. */
    String usage() {
        return Stream.concat(options.entrySet().stream().map(o -> "[--" + o.getKey() + " " + o.getValue().placeholder() + "]"),
                flags.stream().map(f -> "[--" + f + "]")).collect(Collectors.joining(" ", program + " ", ""));
    }

    private <T> T number(String name, Function<String, T> parse, String kind) {
        try {
            return parse.apply(text(name));
        } catch (NumberFormatException e) {
            throw refused("--" + name + " takes " + kind + ", not " + text(name));
        }
    }

    private <T extends Number> T notNegative(String name, T value) {
        if (value.doubleValue() < 0) {
            throw refused("--" + name + " takes 0 or more, not " + text(name));
        }
        return value;
    }

    private IllegalArgumentException refused(String why) {
        return new IllegalArgumentException(program + ": " + why + "\nusage: " + usage());
    }
}
