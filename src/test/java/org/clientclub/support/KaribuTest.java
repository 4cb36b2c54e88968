package org.clientclub.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

/**
 * UI tests with Karibu-Testing in the whole Spring context: views, navigation and Vaadin's access control run
 * as in the browser, without one. {@link #login} signs a member of staff in for the request and the services.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static final String SPRING_SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";
    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.clientclub");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        VaadinSession.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    protected static void login(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                new User(username, "", authorities), null, authorities);
        // Where Vaadin's security context strategy looks first, as after a real log-in; the thread-local alone
        // would belong to whichever Spring context of the test JVM set the strategy last.
        SecurityContext context = new SecurityContextImpl(authentication);
        VaadinSession.getCurrent().getSession().setAttribute(SPRING_SECURITY_CONTEXT, context);
        SecurityContextHolder.setContext(context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> Arrays.asList(roles).contains(role));
    }

    protected static void logout() {
        VaadinSession.getCurrent().getSession().removeAttribute(SPRING_SECURITY_CONTEXT);
        SecurityContextHolder.clearContext();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
    }

    protected static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }
}
