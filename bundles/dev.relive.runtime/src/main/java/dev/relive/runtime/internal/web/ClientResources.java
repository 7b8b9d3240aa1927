package dev.relive.runtime.internal.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the browser client, packed into this bundle under {@code relive/client}, at {@code /relive/client/}. */
@HttpWhiteboardResource(pattern = "/relive/client/*", prefix = "/relive/client")
@Component(service = ClientResources.class)
public class ClientResources {
}
