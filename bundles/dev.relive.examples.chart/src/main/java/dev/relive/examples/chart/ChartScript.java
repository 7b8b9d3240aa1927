package dev.relive.examples.chart;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the chart's client hook, {@code static/chart} in this bundle, at {@code /examples/chart/}. */
@HttpWhiteboardResource(pattern = "/examples/chart/*", prefix = "/static/chart")
@Component(service = ChartScript.class)
public class ChartScript {
}
