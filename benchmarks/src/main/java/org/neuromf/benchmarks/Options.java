package org.neuromf.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs over defaults; an unknown name ends the program with the list of names. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> opt = new LinkedHashMap<>(defaults);
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opt.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + opt.keySet());
                System.exit(2);
            }
            opt.put(args[i], args[i + 1]);
        }
        return opt;
    }
}
