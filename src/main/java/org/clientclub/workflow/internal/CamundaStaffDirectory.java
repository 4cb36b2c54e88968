package org.clientclub.workflow.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.clientclub.security.AppRoles;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts in the engine's identity tables: the Camunda webapps read the same users and groups, and a
 * role is a group of the same id. ADMIN users also join Camunda's administrators group.
 */
@Component
class CamundaStaffDirectory implements StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(CamundaStaffDirectory.class);

    private final IdentityService identity;

    CamundaStaffDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<StaffAccount> authenticate(String username, String password) {
        if (username == null || password == null || username.isBlank()) {
            return Optional.empty();
        }
        if (!identity.checkPassword(username, password)) {
            return Optional.empty();
        }
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        upgradeHash(user, password);
        return Optional.of(toAccount(user));
    }

    /**
     * Rewrites a hash of the engine's default (salted SHA-512) as bcrypt, now that the password is known to be right.
     * A failure leaves the old hash, which still verifies, and the log-in goes on.
     */
    private void upgradeHash(User user, String password) {
        if (StaffPasswordHashing.isCurrent(user.getPassword())) {
            return;
        }
        try {
            user.setPassword(password);
            identity.saveUser(user);
            log.info("The password hash of staff account {} is now bcrypt", user.getId());
        } catch (RuntimeException e) {
            log.warn(
                    "The password hash of staff account {} stays as it was: {}",
                    user.getId(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<StaffAccount> find(String username) {
        User user = identity.createUserQuery().userId(username).singleResult();
        return Optional.ofNullable(user).map(this::toAccount);
    }

    @Override
    public List<StaffAccount> findByRole(String role) {
        return identity.createUserQuery().memberOfGroup(role).orderByUserId().asc().list().stream()
                .map(this::toAccount)
                .toList();
    }

    @Override
    @Transactional
    public void save(StaffAccount account, String password) {
        AppRoles.ALL.forEach(this::ensureGroup);
        ensureGroup(AppRoles.CAMUNDA_ADMIN_GROUP);
        User user = identity.createUserQuery().userId(account.username()).singleResult();
        if (user == null) {
            user = identity.newUser(account.username());
        }
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setEmail(account.email());
        user.setPassword(password);
        identity.saveUser(user);

        Set<String> wanted = new HashSet<>(account.roles());
        if (wanted.contains(AppRoles.ADMIN)) {
            wanted.add(AppRoles.CAMUNDA_ADMIN_GROUP);
        }
        Set<String> current = groupsOf(account.username());
        current.stream()
                .filter(g -> !wanted.contains(g))
                .forEach(g -> identity.deleteMembership(account.username(), g));
        wanted.stream()
                .filter(g -> !current.contains(g))
                .forEach(g -> identity.createMembership(account.username(), g));
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType(AppRoles.CAMUNDA_ADMIN_GROUP.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private Set<String> groupsOf(String username) {
        return identity.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private StaffAccount toAccount(User user) {
        Set<String> roles =
                groupsOf(user.getId()).stream().filter(AppRoles.ALL::contains).collect(Collectors.toSet());
        return new StaffAccount(
                user.getId(),
                nullToEmpty(user.getFirstName()),
                nullToEmpty(user.getLastName()),
                nullToEmpty(user.getEmail()),
                roles);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
