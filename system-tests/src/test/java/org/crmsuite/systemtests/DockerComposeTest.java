package org.crmsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmsuite.systemtests.ComposeDeployment.map;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The real deployment, validated without a Docker engine: docker-compose.yml, each deployable module's Dockerfile
 * and the docker profile of its application.yml. The deployable modules are the root pom's modules except the
 * library, the launcher and these tests, so a module added later is required here at once.
 * <p>
 * The first group checks the repository; the second breaks one thing at a time in a loaded copy and checks that
 * the rule guarding it names what is wrong, so that no rule passes by accident.
 */
class DockerComposeTest {

    private static final Path REPO_ROOT =
            Path.of(System.getProperty("crm.repo.root", "..")).toAbsolutePath().normalize();

    private ComposeDeployment deployment;

    @BeforeEach
    void loadTheDeployment() {
        deployment = ComposeDeployment.load(REPO_ROOT);
    }

    @Test
    void theDeployableModulesComeFromTheRootPom() {
        assertThat(deployment.deployableModules())
                .contains("discovery", "gateway", "customer-service", "complaint-service", "visit-service",
                        "sales-service", "notification-service", "identity", "console")
                .doesNotContainAnyElementsOf(ComposeDeployment.NOT_DEPLOYED);
    }

    @Test
    void everyDeployableModuleIsAServiceBuiltFromItsOwnDockerfileAroundItsRunnableJar() {
        assertThat(deployment.imageProblems()).as("modules, compose services and Dockerfiles").isEmpty();
    }

    @Test
    void everyModuleContainerIsHealthyOnlyWhenReady() {
        assertThat(deployment.healthcheckProblems()).as("healthchecks").isEmpty();
    }

    @Test
    void everyContainerHasAMemoryLimitAndEveryJvmFitsInIt() {
        assertThat(deployment.memoryProblems()).as("memory limits and JVM flags").isEmpty();
    }

    @Test
    void containersStartOnlyOnceTheirDependenciesAreHealthy() {
        assertThat(deployment.dependencyProblems()).as("depends_on").isEmpty();
    }

    @Test
    void servicesReachMongoRabbitAndEurekaAndTheEdgeOnlyEureka() {
        assertThat(deployment.environmentProblems()).as("environment").isEmpty();
    }

    @Test
    void mongoIsAReplicaSetThatInitiatesItselfAndKeepsItsData() {
        assertThat(deployment.mongoProblems()).as("mongo").isEmpty();
    }

    @Test
    void rabbitmqHasAHealthcheckAndKeepsItsData() {
        assertThat(deployment.rabbitmqProblems()).as("rabbitmq").isEmpty();
    }

    @Test
    void onlyTheGatewayIsPublishedAndOperatorConsolesOnlyOnLoopback() {
        assertThat(deployment.publishedPortProblems()).as("published ports").isEmpty();
    }

    @Test
    void noCredentialIsWrittenIntoTheComposeFile() {
        assertThat(deployment.literalSecretProblems()).as("credentials").isEmpty();
    }

    @Test
    void everyContainerRestartsAfterACrash() {
        assertThat(deployment.restartProblems()).as("restart policies").isEmpty();
    }

    @Test
    void theConsoleCallsThroughTheGatewayWithIdentitysIssuerAndIsSentBackThereAfterLogout() {
        assertThat(deployment.consoleProblems()).as("console").isEmpty();
    }

    @Test
    void nestedDefaultsResolveFromTheInsideOut() {
        assertThat(ComposeDeployment.interpolateDefaults("${A:-http://127.0.0.1:${GATEWAY_PORT:-8080}/console/}"))
                .isEqualTo("http://127.0.0.1:8080/console/");
        assertThat(ComposeDeployment.interpolateDefaults("${A:-x}-${B}-$${C}")).isEqualTo("x--$");
    }

    @Test
    void inDockerEveryInstanceRegistersItsOwnContainerAddressInEureka() {
        assertThat(deployment.dockerProfileProblems()).as("docker profiles").isEmpty();
    }

    /** One thing broken at a time: the rule that guards it must say what is wrong. */
    @Nested
    class EachRuleNamesWhatIsBroken {

        @Test
        void aModuleAddedToThePomWithoutAServiceIsRequired() {
            deployment.deployableModules().add("billing-service");

            assertThat(deployment.imageProblems())
                    .anyMatch(p -> p.contains("billing-service") && p.contains("no compose service"));
        }

        @Test
        void aDockerfileCopyingAnotherVersionsJar() {
            deployment.editFile("visit-service/Dockerfile",
                    text -> text.replaceAll("ARG VERSION=.*", "ARG VERSION=0.0.9"));

            assertThat(deployment.imageProblems())
                    .anyMatch(p -> p.contains("visit-service") && p.contains("does not COPY"));
        }

        @Test
        void aDockerfileRunningAsRoot() {
            deployment.editFile("sales-service/Dockerfile", text -> text.replace("USER crm:crm", "USER root"));

            assertThat(deployment.imageProblems()).anyMatch(p -> p.contains("sales-service") && p.contains("root"));
        }

        @Test
        void aDockerignoreThatLeavesTheJarOut() {
            deployment.editFile(".dockerignore", text -> text + "\n*/target\n");

            assertThat(deployment.imageProblems())
                    .anyMatch(p -> p.contains(".dockerignore") && p.contains("customer-service"));
        }

        @Test
        void aServiceWithoutHealthcheck() {
            deployment.service("complaint-service").remove("healthcheck");

            assertThat(deployment.healthcheckProblems()).containsExactly("complaint-service: no healthcheck");
            assertThat(deployment.dependencyProblems())
                    .anyMatch(p -> p.startsWith("gateway:") && p.contains("complaint-service has no healthcheck"));
        }

        @Test
        void aHealthcheckWithAProgramTheImageDoesNotHave() {
            Map<String, Object> healthcheck = new LinkedHashMap<>(map(deployment.service("visit-service").get("healthcheck")));
            healthcheck.put("test", List.of("CMD", "curl", "-f", "http://localhost:8083/actuator/health/readiness"));
            deployment.service("visit-service").put("healthcheck", healthcheck);

            assertThat(deployment.healthcheckProblems())
                    .containsExactly("visit-service: the healthcheck runs curl, which its Dockerfile does not install");
        }

        @Test
        void aServiceWithoutMemoryLimit() {
            deployment.service("notification-service").remove("deploy");

            assertThat(deployment.memoryProblems()).anyMatch(p -> p.startsWith("notification-service: no memory limit"));
        }

        @Test
        void aJvmWithoutHeapSizing() {
            replaceEnvironment("customer-service", env -> env.remove("JAVA_TOOL_OPTIONS"));

            assertThat(deployment.memoryProblems()).anyMatch(p -> p.startsWith("customer-service: JAVA_TOOL_OPTIONS"));
        }

        @Test
        void aDependencyOnAnUndefinedServiceOrWithoutHealthCondition() {
            Map<String, Object> dependsOn = new LinkedHashMap<>(map(deployment.service("gateway").get("depends_on")));
            dependsOn.put("billing-service", Map.of("condition", "service_healthy"));
            dependsOn.put("discovery", Map.of("condition", "service_started"));
            deployment.service("gateway").put("depends_on", dependsOn);

            assertThat(deployment.dependencyProblems())
                    .anyMatch(p -> p.contains("billing-service, which is not a service"))
                    .anyMatch(p -> p.contains("discovery with condition service_started"));
        }

        @Test
        void aServiceThatDoesNotWaitForMongo() {
            Map<String, Object> dependsOn =
                    new LinkedHashMap<>(map(deployment.service("visit-service").get("depends_on")));
            dependsOn.remove("mongo");
            deployment.service("visit-service").put("depends_on", dependsOn);

            assertThat(deployment.dependencyProblems()).containsExactly("visit-service: does not depend on mongo");
        }

        @Test
        void aServiceWithoutMongoOrBrokerSettings() {
            replaceEnvironment("sales-service", env -> {
                env.remove("SPRING_MONGODB_URI");
                env.remove("SPRING_RABBITMQ_PASSWORD");
            });

            assertThat(deployment.environmentProblems())
                    .anyMatch(p -> p.startsWith("sales-service: SPRING_MONGODB_URI"))
                    .anyMatch(p -> p.equals("sales-service: no SPRING_RABBITMQ_PASSWORD"));
        }

        @Test
        void theGatewayWithBrokerCredentials() {
            replaceEnvironment("gateway",
                    env -> env.put("SPRING_RABBITMQ_PASSWORD", "${RABBITMQ_PASSWORD:-crm-local-only}"));

            assertThat(deployment.environmentProblems())
                    .containsExactly("gateway: needs no SPRING_RABBITMQ_PASSWORD (Eureka settings only)");
        }

        @Test
        void mongoWithoutReplicaSetOrVolume() {
            deployment.service("mongo").put("command", List.of("--bind_ip_all"));
            deployment.service("mongo").remove("volumes");

            assertThat(deployment.mongoProblems())
                    .anyMatch(p -> p.contains("--replSet"))
                    .anyMatch(p -> p.contains("no volume for its data at /data/db"));
        }

        @Test
        void mongoHealthyBeforeItIsPrimary() {
            deployment.service("mongo").put("healthcheck",
                    Map.of("test", List.of("CMD", "mongosh", "--eval", "db.runCommand({ ping: 1 })")));

            assertThat(deployment.mongoProblems())
                    .anyMatch(p -> p.contains("rs.initiate"))
                    .anyMatch(p -> p.contains("isWritablePrimary"));
        }

        @Test
        void rabbitmqOnABindMount() {
            deployment.service("rabbitmq").put("volumes", List.of("./data/rabbitmq:/var/lib/rabbitmq"));

            assertThat(deployment.rabbitmqProblems())
                    .containsExactly("rabbitmq: /var/lib/rabbitmq is not on a named volume");
        }

        @Test
        void aPublishedServicePortOrAnOperatorConsoleOnEveryInterface() {
            deployment.service("customer-service").put("ports", List.of("8081:8081"));
            deployment.service("discovery").put("ports", List.of(Map.of("target", 8761, "published", 8761)));

            assertThat(deployment.publishedPortProblems()).containsExactlyInAnyOrder(
                    "customer-service: publishes port 8081 on the host (only the gateway's 8080 is for clients)",
                    "discovery: publishes port 8761 on every interface instead of the host's loopback only");
        }

        @Test
        void aLiteralPasswordOrAnUnmarkedDefault() {
            Map<String, Object> rabbitEnvironment =
                    new LinkedHashMap<>(map(deployment.service("rabbitmq").get("environment")));
            rabbitEnvironment.put("RABBITMQ_DEFAULT_PASS", "s3cret");
            deployment.service("rabbitmq").put("environment", rabbitEnvironment);
            replaceEnvironment("visit-service", env -> {
                env.put("SPRING_RABBITMQ_PASSWORD", "${RABBITMQ_PASSWORD:-s3cret}");
                env.put("SPRING_MONGODB_URI", "mongodb://crm:hunter2@mongo:27017/?replicaSet=rs0");
            });

            assertThat(deployment.literalSecretProblems())
                    .anyMatch(p -> p.contains("rabbitmq.environment.RABBITMQ_DEFAULT_PASS: a literal credential"))
                    .anyMatch(p -> p.contains("visit-service.environment.SPRING_RABBITMQ_PASSWORD")
                            && p.contains("not marked"))
                    .anyMatch(p -> p.contains("visit-service.environment.SPRING_MONGODB_URI (password in a URI)"));
        }

        @Test
        void aServiceWithoutRestartPolicy() {
            deployment.service("discovery").remove("restart");

            assertThat(deployment.restartProblems()).containsExactly("discovery: no restart policy");
        }

        @Test
        void aDockerProfileWithAnEmptyIpAddress() {
            deployment.editFile("customer-service/src/main/resources/application.yml",
                    text -> text.replace("ip-address: ${spring.cloud.client.ip-address}", "ip-address: \"\""));

            assertThat(deployment.dockerProfileProblems())
                    .anyMatch(p -> p.startsWith("customer-service:") && p.contains("eureka.instance.ip-address"));
        }

        @Test
        void aConsoleAroundTheGatewayWithAnotherIssuerOrNotRegisteredForLogout() {
            replaceEnvironment("console", env -> {
                env.put("CRM_CONSOLE_GATEWAY_URL", "http://customer-service:8081");
                env.put("CRM_CONSOLE_ISSUER", "http://localhost:9999");
            });
            deployment.service("gateway").put("ports", List.of("${GATEWAY_PORT:-8088}:8080"));

            assertThat(deployment.consoleProblems())
                    .anyMatch(p -> p.startsWith("console: CRM_CONSOLE_GATEWAY_URL") && p.contains("customer-service"))
                    .anyMatch(p -> p.startsWith("console: CRM_CONSOLE_ISSUER") && p.contains("CRM_IDENTITY_ISSUER"))
                    .anyMatch(p -> p.startsWith("identity: CRM_CONSOLE_POST_LOGOUT_URIS")
                            && p.contains("http://127.0.0.1:8088/console/"));
        }

        private void replaceEnvironment(String service, Consumer<Map<String, Object>> change) {
            // anchored maps are shared between services: change a copy, for this service only
            Map<String, Object> environment = new LinkedHashMap<>(map(deployment.service(service).get("environment")));
            change.accept(environment);
            deployment.service(service).put("environment", environment);
        }
    }
}
