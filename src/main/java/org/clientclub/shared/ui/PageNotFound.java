package org.clientclub.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address the app has no page for, in the visitor's language, instead of Vaadin's English "Could not navigate"
 * (which in development mode also lists every route). It names nothing of what exists.
 */
@AnonymousAllowed
public class PageNotFound extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("app.notFound.title"));
        title.setId("page-not-found");
        Anchor home = new Anchor("", getTranslation("app.notFound.home"));
        add(title, new Paragraph(getTranslation("app.notFound.text")), home);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
