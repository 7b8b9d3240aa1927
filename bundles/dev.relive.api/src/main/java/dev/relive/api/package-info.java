@Export
@Version("1.2.0")
package dev.relive.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
