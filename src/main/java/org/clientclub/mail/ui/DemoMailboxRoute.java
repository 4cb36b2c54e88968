package org.clientclub.mail.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.clientclub.mail.DemoMailbox;
import org.springframework.stereotype.Component;

/**
 * The demo mailbox is a screen of the embedded default only: its route, and with it its menu entry, exists when
 * the in-process mail server runs. With a real mail server (production, compose) {@code /demo-mailbox} is not
 * found and the menu does not offer it.
 */
@Component
class DemoMailboxRoute implements VaadinServiceInitListener {

    private final transient DemoMailbox mailbox;

    DemoMailboxRoute(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        offer(RouteConfiguration.forRegistry(event.getSource().getRouter().getRegistry()), mailbox.isAvailable());
    }

    static void offer(RouteConfiguration routes, boolean available) {
        boolean registered = routes.isRouteRegistered(DemoMailboxView.class);
        if (available && !registered) {
            routes.setAnnotatedRoute(DemoMailboxView.class);
        } else if (!available && registered) {
            routes.removeRoute(DemoMailboxView.class);
        }
    }
}
