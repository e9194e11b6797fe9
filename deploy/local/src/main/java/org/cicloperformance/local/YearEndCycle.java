package org.cicloperformance.local;

/**
 * The whole year of the demo on the running local stack (deploy/ciclo-31-dicembre.sh): posts the year-end example
 * (results at 31/12 on plan version 2 with the causes of the deviations: an example, not from the document) unless
 * already posted, then runs the OIV cycle of 31/12 ({@link CheckpointCycle}: the managers submit, the OIV reviews,
 * validates and closes) and downloads the FINAL HR feed, the monitoring report and the Relazione sulla performance;
 * then the example schede di valutazione and fund ({@link EvaluationCycle}) up to the FINAL pay table and the
 * transparency files.
 */
public final class YearEndCycle {

	static final String DECEMBER = "2018-12-31";

	private YearEndCycle() {
	}

	public static void main(String[] args) {
		var settings = Settings.from(System.getenv(), LocalStack.home());
		String monitoring = settings.url(settings.monitoringPort());
		try {
			var demo = new DemoLoader(settings.url(settings.planPort()), monitoring, settings.data());
			if (demo.yearEndAlreadyLoaded()) {
				System.out.println("Risultati di esempio al 31/12 gia' caricati");
			}
			else {
				System.out.println("Carico i risultati di esempio al 31/12 (esempio, non dal documento): POST "
						+ monitoring + "/api/results/batch con deploy/local/src/main/resources/esempio/"
						+ "risultati-2018-12-31.json");
				demo.loadYearEnd();
			}
			new CheckpointCycle(monitoring, settings.url(settings.reportingPort()),
					settings.data().resolve("downloads"), System.out::println, DECEMBER).run();
			new EvaluationCycle(settings.url(settings.reportingPort()), settings.data().resolve("downloads"),
					System.out::println).run();
		}
		catch (StackException e) {
			System.err.println("Ciclo interrotto: " + e.getMessage());
			System.exit(1);
		}
	}
}
