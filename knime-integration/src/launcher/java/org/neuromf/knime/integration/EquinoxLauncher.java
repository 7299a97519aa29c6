package org.neuromf.knime.integration;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts a headless KNIME core inside Equinox, the way the KNIME core of the tests is meant to be
 * started, then calls {@code main(String[])} of a class in one of the installed bundles.
 * Arguments: a work folder (framework storage, instance and install areas go there), a file that
 * lists the bundles to install (jars or folders, one path per line), the symbolic name of the bundle and the
 * class to call, then the arguments of that class. The exit code is 0 when the call returns.
 */
public final class EquinoxLauncher {

    private static final List<String> FIRST = List.of("org.eclipse.equinox.common", "org.eclipse.equinox.registry",
            "org.eclipse.core.runtime");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        List<String> jars = Files.readAllLines(Path.of(args[1]));
        String bundleName = args[2];
        String className = args[3];
        String[] rest = java.util.Arrays.copyOfRange(args, 4, args.length);

        // KNIME treats a storage path with this segment as a launch from the SDK and then does not
        // look for a p2 profile (which would need the p2 engine the test core does not have).
        Path storage = work.resolve(".metadata/.plugins/org.eclipse.pde.core/framework");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("osgi.instance.area", work.resolve("instance").toUri().toString());
        config.put("osgi.install.area", work.resolve("install").toUri().toString());
        config.put("eclipse.ignoreApp", "true");
        config.put("osgi.compatibility.bootdelegation", "true");
        Files.createDirectories(work.resolve("instance"));
        Files.createDirectories(work.resolve("install"));

        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String jar : jars) {
            if (!jar.isBlank()) {
                // by reference: used in place (jars and folders alike), never copied into the storage
                installed.add(context.installBundle("reference:" + new File(jar.strip()).toURI()));
            }
        }
        framework.start();
        if (!framework.adapt(FrameworkWiring.class).resolveBundles(installed)) {
            for (Bundle b : installed) {
                if (b.getState() == Bundle.INSTALLED) {
                    System.err.println("unresolved bundle: " + b.getSymbolicName() + " " + b.getVersion());
                }
            }
        }
        Bundle target = null;
        for (String name : FIRST) {
            for (Bundle b : installed) {
                if (name.equals(b.getSymbolicName())) {
                    b.start();
                }
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && !FIRST.contains(b.getSymbolicName())) {
                try {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) { // e.g. a GUI bundle of a full installation: the checks say what is missing
                    System.err.println("not started: " + b.getSymbolicName() + ": " + e.getMessage());
                }
            }
            if (bundleName.equals(b.getSymbolicName())) {
                target = b;
            }
        }
        if (target == null) {
            throw new IllegalStateException("no bundle " + bundleName + " among " + jars.size() + " jars");
        }
        Class<?> main = target.loadClass(className);
        Thread.currentThread().setContextClassLoader(main.getClassLoader());
        Method m = main.getMethod("main", String[].class);
        int code = 0;
        try {
            m.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            code = 1;
        }
        // KNIME leaves non-daemon threads behind: stop the framework, then end the process
        framework.stop();
        framework.waitForStop(10_000);
        System.exit(code);
    }
}
