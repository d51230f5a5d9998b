package org.crmsuite.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the platform, for testing the platform the way services use it. */
@SpringBootApplication
@org.springframework.cloud.openfeign.EnableFeignClients
public class PlatformTestApplication {
}
