package org.clientclub.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.clientclub.security.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What staff may do in the Camunda webapps (authorization is on there; the application's own code runs without
 * a Camunda user and is checked by Spring Security instead). Staff and managers read processes, instances and
 * history in Cockpit and work their tasks in Tasklist (the engine grants candidate groups their tasks); managers
 * may also retry jobs and change instances; ADMIN users may do everything, as Camunda administrators.
 */
@Component
class WebappAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(WebappAuthorizations.class);

    private final AuthorizationService authorizations;

    WebappAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    private record Grant(String group, Resource resource, List<Permission> permissions) {
    }

    private static final List<Grant> GRANTS = List.of(
            new Grant(AppRoles.CLUB_STAFF, Resources.APPLICATION, List.of(Permissions.ACCESS)),
            new Grant(AppRoles.CLUB_STAFF, Resources.PROCESS_DEFINITION, List.of(Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY)),
            new Grant(AppRoles.CLUB_STAFF, Resources.PROCESS_INSTANCE, List.of(Permissions.READ)),
            new Grant(AppRoles.CLUB_STAFF, Resources.DECISION_DEFINITION, List.of(Permissions.READ)),
            new Grant(AppRoles.CLUB_STAFF, Resources.DEPLOYMENT, List.of(Permissions.READ)),
            new Grant(AppRoles.CLUB_STAFF, Resources.FILTER, List.of(Permissions.READ)),
            new Grant(AppRoles.CLUB_MANAGER, Resources.APPLICATION, List.of(Permissions.ACCESS)),
            new Grant(AppRoles.CLUB_MANAGER, Resources.PROCESS_DEFINITION, List.of(Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB)),
            new Grant(AppRoles.CLUB_MANAGER, Resources.PROCESS_INSTANCE, List.of(Permissions.READ,
                    Permissions.UPDATE)),
            new Grant(AppRoles.CLUB_MANAGER, Resources.DECISION_DEFINITION, List.of(Permissions.READ)),
            new Grant(AppRoles.CLUB_MANAGER, Resources.DEPLOYMENT, List.of(Permissions.READ)),
            new Grant(AppRoles.CLUB_MANAGER, Resources.FILTER, List.of(Permissions.READ)));

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void grant() {
        List<Grant> grants = new ArrayList<>(GRANTS);
        // The engine's admin-groups did not make ADMIN users administrators of the webapps under container-based
        // log-in (the admin app still refused them), so ADMIN gets every permission on every resource explicitly.
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(AppRoles.ADMIN, resource, List.of(Permissions.ALL)));
        }
        for (Grant grant : grants) {
            boolean exists = authorizations.createAuthorizationQuery().groupIdIn(grant.group())
                    .resourceType(grant.resource()).resourceId(ANY).count() > 0;
            if (exists) {
                continue;
            }
            Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(ANY);
            grant.permissions().forEach(authorization::addPermission);
            save(authorization);
        }
    }

    private void save(Authorization authorization) {
        try {
            authorizations.saveAuthorization(authorization);
        } catch (ProcessEngineException e) {
            // Another node granted the same at the same moment; its grant is as good as ours.
            log.debug("Authorization on {} already exists", authorization.getResourceType());
        }
    }
}
