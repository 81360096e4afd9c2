package dev.acsemulator.admin;

import dev.acsemulator.api.PathTemplate;

/** One line of the control API's route table. */
record AdminRoute(String method, PathTemplate path, String name, AdminTask task) {

    static AdminRoute of(String method, String path, String name, AdminTask task) {
        return new AdminRoute(method, new PathTemplate(path), name, task);
    }
}
