package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security and audit packages are copies in the three services (issue 17). This test diffs this service's
 * copy against each sibling's, package names aside, and compares the diff with the allowed differences pinned in
 * {@code src/test/resources/security-copies/}: a copy that drifts fails here. After a deliberate change, rewrite
 * the pins with {@code -Dsecurity.copies.rewrite=true} and review them in the commit.
 */
class SecurityCopiesTest {

	static final String SELF = "monitoring";

	static final List<String> PACKAGES = List.of("security", "audit");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "plan", "monitoring", "reporting" })
	void theDifferencesFromASiblingAreOnlyTheAllowedOnes(String sibling) throws IOException {
		if (sibling.equals(SELF)) {
			return;
		}
		Path root = Path.of("").toAbsolutePath().getParent();
		String diff = diff(root, SELF, sibling);
		Path pin = Path.of("src/test/resources/security-copies/" + SELF + "-vs-" + sibling + ".diff");

		if (Boolean.getBoolean("security.copies.rewrite")) {
			Files.createDirectories(pin.getParent());
			Files.writeString(pin, diff);
		}

		assertThat(pin).as("allowed differences; rewrite with -Dsecurity.copies.rewrite=true").exists();
		assertThat(diff).as("%s-service's security/audit copy against %s-service's, beyond %s", SELF, sibling, pin)
			.isEqualTo(Files.readString(pin));
	}

	static String diff(Path root, String self, String sibling) throws IOException {
		StringBuilder out = new StringBuilder();
		for (String pkg : PACKAGES) {
			Path mine = sources(root, self, pkg);
			Path theirs = sources(root, sibling, pkg);
			var names = new TreeSet<String>();
			names.addAll(files(mine));
			names.addAll(files(theirs));
			for (String name : names) {
				List<String> a = lines(mine.resolve(name), self);
				List<String> b = lines(theirs.resolve(name), sibling);
				if (a == null || b == null) {
					out.append("=== ").append(pkg).append('/').append(name).append(" only in ")
						.append(a == null ? sibling : self).append('\n');
				}
				else if (!a.equals(b)) {
					out.append("=== ").append(pkg).append('/').append(name).append('\n');
					changes(a, b, out);
				}
			}
		}
		return out.toString();
	}

	private static Path sources(Path root, String service, String pkg) {
		return root.resolve(service + "-service/src/main/java/org/cicloperformance/" + service + "service/" + pkg);
	}

	private static List<String> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).toList();
		}
	}

	/** The file's lines with the service's own package name neutralised; null if it does not exist. */
	private static List<String> lines(Path file, String service) throws IOException {
		if (!Files.exists(file)) {
			return null;
		}
		return Files.readAllLines(file).stream().map(l -> l.replace(service + "service", "<service>service")).toList();
	}

	/** A line diff (longest common subsequence): "- " lines only in this copy, "+ " lines only in the sibling's. */
	private static void changes(List<String> a, List<String> b, StringBuilder out) {
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				i++;
				j++;
			}
			else if (j == b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
				out.append("- ").append(a.get(i++)).append('\n');
			}
			else {
				out.append("+ ").append(b.get(j++)).append('\n');
			}
		}
	}
}
