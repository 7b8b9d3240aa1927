@Export
@Version("1.0.0")
package com.example.tasks.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
