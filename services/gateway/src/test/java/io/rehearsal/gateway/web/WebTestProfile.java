package io.rehearsal.gateway.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway with the tests' policy (production rollbacks need two approvers, other production
 * actions one) and a users file written before start: alice, bob and carol (the requester) in
 * {@code oncall}, vera only in {@code admin}, dave (who changes his password) in {@code oncall};
 * each password is {@code <name>-pw}.
 */
public class WebTestProfile implements QuarkusTestProfile {

  static final Path USERS = Path.of("target/web-test/profile-users");
  static final Path POLICY = Path.of("src/test/resources/policy/gateway-test.yaml");

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "rehearsal.gateway.policy-file", POLICY.toString(),
        "rehearsal.gateway.web.users-file", USERS.toString());
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(Users.class));
  }

  static String password(String user) {
    return user + "-pw";
  }

  /** Writes the users file (cheap hashes: 1,000 iterations, carried in each hash). */
  public static class Users implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      SecureRandom random = new SecureRandom();
      LocalUsers.write(
          USERS,
          List.of(
              user("alice", Set.of("oncall"), random),
              user("bob", Set.of("oncall"), random),
              user(WebFixtures.REQUESTER, Set.of("oncall"), random),
              user("vera", Set.of("admin"), random),
              user("dave", Set.of("oncall"), random)));
      return Map.of();
    }

    private static LocalUsers.User user(String name, Set<String> groups, SecureRandom random) {
      return new LocalUsers.User(
          name, groups, PasswordHash.hash(password(name).toCharArray(), 1_000, random));
    }

    @Override
    public void stop() {}
  }
}
