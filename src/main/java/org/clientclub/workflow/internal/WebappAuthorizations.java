package org.clientclub.workflow.internal;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
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
 * a Camunda user and is checked by Spring Security instead). Staff and managers open Cockpit only: they read
 * definitions, instances, tasks and history, and retry a failed job. Nothing else: no completing or claiming tasks,
 * no variables, no instance modification, no message correlation, no Tasklist; the Vaadin inbox is the one inbox,
 * and its rules (four eyes among them) cannot be walked around. ADMIN users may do everything, as Camunda
 * administrators. At each start the club groups' grants are made exactly these, so a grant of an earlier version
 * (managers once held UPDATE on instances) does not linger.
 */
@Component
class WebappAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(WebappAuthorizations.class);
    private static final int PAGE = 500;
    static final String COCKPIT = "cockpit";

    private final AuthorizationService authorizations;

    WebappAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    private record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {}

    private static final List<String> CLUB_GROUPS = List.of(AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER);

    private static List<Grant> clubGrants(String group) {
        return List.of(
                new Grant(group, Resources.APPLICATION, COCKPIT, List.of(Permissions.ACCESS)),
                new Grant(
                        group,
                        Resources.PROCESS_DEFINITION,
                        ANY,
                        List.of(
                                ProcessDefinitionPermissions.READ,
                                ProcessDefinitionPermissions.READ_INSTANCE,
                                ProcessDefinitionPermissions.READ_HISTORY,
                                ProcessDefinitionPermissions.READ_TASK,
                                ProcessDefinitionPermissions.RETRY_JOB)),
                new Grant(
                        group,
                        Resources.PROCESS_INSTANCE,
                        ANY,
                        List.of(ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB)),
                new Grant(group, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ)),
                new Grant(group, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void grant() {
        removeTaskGrants();
        List<Grant> grants = new ArrayList<>();
        for (String group : CLUB_GROUPS) {
            List<Grant> wanted = clubGrants(group);
            revokeAllBut(group, wanted);
            grants.addAll(wanted);
        }
        // The engine's admin-groups did not make ADMIN users administrators of the webapps under container-based
        // log-in (the admin app still refused them), so ADMIN gets every permission on every resource explicitly.
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(AppRoles.ADMIN, resource, ANY, List.of(Permissions.ALL)));
        }
        for (Grant grant : grants) {
            boolean exists = authorizations
                            .createAuthorizationQuery()
                            .groupIdIn(grant.group())
                            .resourceType(grant.resource())
                            .resourceId(grant.resourceId())
                            .count()
                    > 0;
            if (!exists) {
                Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                authorization.setGroupId(grant.group());
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
                grant.permissions().forEach(authorization::addPermission);
                save(authorization);
            }
        }
    }

    /**
     * Rights on single tasks that the engine handed out before {@link NoDefaultTaskAuthorizations} (UPDATE for each
     * candidate group and assignee): only ADMIN's grant on every task stays.
     */
    private void removeTaskGrants() {
        int removed;
        do {
            removed = 0;
            for (Authorization authorization : authorizations
                    .createAuthorizationQuery()
                    .resourceType(Resources.TASK)
                    .listPage(0, PAGE)) {
                boolean admins =
                        AppRoles.ADMIN.equals(authorization.getGroupId()) && ANY.equals(authorization.getResourceId());
                if (!admins) {
                    delete(authorization);
                    removed++;
                }
            }
        } while (removed > 0);
    }

    /**
     * Deletes the group's grants that are not exactly one of the wanted ones, which are then created afresh. The
     * engine's own grant when it creates a group, its members reading that group, stays.
     */
    private void revokeAllBut(String group, List<Grant> wanted) {
        for (Authorization authorization :
                authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
            if (authorization.getResourceType() == Resources.GROUP.resourceType()
                    && group.equals(authorization.getResourceId())) {
                continue;
            }
            boolean exact = wanted.stream()
                    .anyMatch(grant -> grant.resource().resourceType() == authorization.getResourceType()
                            && grant.resourceId().equals(authorization.getResourceId())
                            && authorization.getAuthorizationType() == AUTH_TYPE_GRANT
                            && granted(authorization, grant.resource()).equals(Set.copyOf(grant.permissions())));
            if (!exact) {
                delete(authorization);
            }
        }
    }

    private static Set<Permission> granted(Authorization authorization, Resource resource) {
        Permission[] all = resource == Resources.PROCESS_DEFINITION
                ? ProcessDefinitionPermissions.values()
                : resource == Resources.PROCESS_INSTANCE ? ProcessInstancePermissions.values() : Permissions.values();
        return Arrays.stream(authorization.getPermissions(all))
                .filter(p -> p.getValue() != 0 && p.getValue() != Integer.MAX_VALUE)
                .collect(Collectors.toSet());
    }

    private void delete(Authorization authorization) {
        try {
            authorizations.deleteAuthorization(authorization.getId());
        } catch (ProcessEngineException e) {
            // Another node removed it first.
            log.debug("Authorization {} already gone", authorization.getId());
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
