package org.cocrea.workflow;

import java.util.Set;

import jakarta.ws.rs.Path;

import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A webapp plugin (Tasklist, Cockpit, Admin, Welcome) that keeps users off the webapps' own login view, since
 * {@code /login} is their only login ({@link WebappSingleLogin}). When a webapp routes to its {@code #/login} view
 * (after its "Log out" menu, which ends the whole session, or when the session has expired) the plugin's script
 * ({@code plugin-webapp/cocrea-single-login/app/plugin.js}) reloads the webapp's page, which Spring Security sends to
 * {@code /login} and, after it, back to the webapp. Registered through {@code META-INF/services}, as Camunda's own
 * {@code sso-logout-plugin} of {@code camunda-bpm-spring-boot-starter-security}.
 */
public final class WebappLoginRedirect {

    /** The plugin's id: the folder {@code plugin-webapp/<id>} holding its script. */
    public static final String ID = "cocrea-single-login";

    private WebappLoginRedirect() {
    }

    /** The plugin in Tasklist. */
    public static class Tasklist extends AbstractTasklistPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(TasklistAssets.class);
        }
    }

    /** Serves the plugin's script to Tasklist. */
    @Path("plugin/" + ID)
    public static class TasklistAssets extends AbstractTasklistPluginRootResource {
        /** Camunda's plugin registry creates it. */
        public TasklistAssets() {
            super(ID);
        }
    }

    /** The plugin in Cockpit. */
    public static class Cockpit extends AbstractCockpitPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(CockpitAssets.class);
        }
    }

    /** Serves the plugin's script to Cockpit. */
    @Path("plugin/" + ID)
    public static class CockpitAssets extends AbstractCockpitPluginRootResource {
        /** Camunda's plugin registry creates it. */
        public CockpitAssets() {
            super(ID);
        }
    }

    /** The plugin in Admin. */
    public static class Admin extends AbstractAdminPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(AdminAssets.class);
        }
    }

    /** Serves the plugin's script to Admin. */
    @Path("plugin/" + ID)
    public static class AdminAssets extends AbstractAdminPluginRootResource {
        /** Camunda's plugin registry creates it. */
        public AdminAssets() {
            super(ID);
        }
    }

    /** The plugin in the Welcome page. */
    public static class Welcome extends AbstractWelcomePlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(WelcomeAssets.class);
        }
    }

    /** Serves the plugin's script to the Welcome page. */
    @Path("plugin/" + ID)
    public static class WelcomeAssets extends AbstractWelcomePluginRootResource {
        /** Camunda's plugin registry creates it. */
        public WelcomeAssets() {
            super(ID);
        }
    }
}
