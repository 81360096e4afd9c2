package dev.acsemulator.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The dashboard's static files, read once from {@code dashboard/} on the class path (inside the jar, or a directory
 * when run from the build), so serving one never touches the disk on an event loop. Files of a type the dashboard does
 * not serve (see {@link DashboardAsset#contentTypeOf}) are left out.
 */
final class DashboardAssets {

    static final String RESOURCE_ROOT = "dashboard/";

    private final Map<String, DashboardAsset> byPath;

    private DashboardAssets(Map<String, DashboardAsset> byPath) {
        this.byPath = byPath;
    }

    /** The assets under {@link #RESOURCE_ROOT} of the class loader that loaded the emulator. */
    static DashboardAssets fromClassPath() {
        return from(DashboardAssets.class.getClassLoader());
    }

    /** The assets under {@link #RESOURCE_ROOT} of a class loader, whether they are files or entries of a jar. */
    static DashboardAssets from(ClassLoader loader) {
        URL root = loader.getResource(RESOURCE_ROOT + "index.html");
        if (root == null) {
            throw new IllegalStateException("The dashboard's files are missing from the class path ("
                    + RESOURCE_ROOT + "index.html)");
        }
        Map<String, DashboardAsset> assets = new TreeMap<>();
        for (String relative : list(root)) {
            if (DashboardAsset.contentTypeOf(relative) != null) {
                assets.put(relative, DashboardAsset.of(relative, read(loader, RESOURCE_ROOT + relative)));
            }
        }
        return new DashboardAssets(Map.copyOf(assets));
    }

    /** The asset at a path relative to {@code /dashboard/}, e.g. {@code js/app.js}. */
    Optional<DashboardAsset> find(String relativePath) {
        return Optional.ofNullable(byPath.get(relativePath));
    }

    java.util.Set<String> paths() {
        return byPath.keySet();
    }

    /** Every file's path relative to the dashboard's root, whether the root is a directory or inside a jar. */
    private static java.util.List<String> list(URL index) {
        try {
            if (index.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) index.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    java.util.List<String> names = new java.util.ArrayList<>();
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(RESOURCE_ROOT)) {
                            names.add(entry.getName().substring(RESOURCE_ROOT.length()));
                        }
                    }
                    return names;
                }
            }
            Path directory = Path.of(index.toURI()).getParent();
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> directory.relativize(file).toString().replace('\\', '/')).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the dashboard's files at " + index, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Could not list the dashboard's files at " + index, e);
        }
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard file " + resource + " vanished from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the dashboard file " + resource, e);
        }
    }
}
