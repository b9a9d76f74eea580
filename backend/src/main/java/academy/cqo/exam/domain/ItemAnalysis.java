package academy.cqo.exam.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classical item statistics of an exam, as in Moodle's quiz statistics report: per
 * question its facility (mean score fraction), discrimination index (upper minus lower 27
 * % by total score), point-biserial correlation with the rest of the paper, and how often
 * each option was chosen; for the form, Cronbach's alpha over paper positions. Questions
 * whose discrimination is low (below 0.2) or negative are flagged for review.
 */
public final class ItemAnalysis {

	/** Below this discrimination index a question is flagged. */
	public static final double LOW_DISCRIMINATION = 0.2;

	private ItemAnalysis() {
	}

	/**
	 * One graded attempt as the analysis needs it.
	 *
	 * @param total its total score
	 * @param items per paper position, the question, its score and what was chosen
	 */
	public record Sitting(double total, List<Item> items) {
	}

	/**
	 * One answered question of a sitting.
	 *
	 * @param questionId the question
	 * @param version its version
	 * @param label a short text for the report (the stem's start)
	 * @param type the type's code
	 * @param awarded points awarded
	 * @param max points possible
	 * @param chosen option ids (or true/false) chosen
	 */
	public record Item(String questionId, int version, String label, String type, double awarded, double max,
			List<String> chosen) {
	}

	/**
	 * The statistics of one question version.
	 *
	 * @param questionId the question
	 * @param version the version
	 * @param label the stem's start
	 * @param type the type's code
	 * @param attempts how many sittings saw it
	 * @param facility mean score fraction (0–1)
	 * @param discrimination upper-group minus lower-group facility, or {@code null} with
	 * fewer than 4 sittings
	 * @param pointBiserial correlation of its score with the rest score, or {@code null}
	 * when undefined
	 * @param optionRates per option id (or true/false), the fraction of sittings that
	 * chose it
	 * @param flagged whether it should be reviewed
	 */
	public record QuestionStatistics(String questionId, int version, String label, String type, int attempts,
			double facility, Double discrimination, Double pointBiserial, Map<String, Double> optionRates,
			boolean flagged) {
	}

	/**
	 * The report.
	 *
	 * @param sittings how many graded attempts
	 * @param meanScore mean total score
	 * @param standardDeviation standard deviation of total scores
	 * @param cronbachAlpha Cronbach's alpha over paper positions, or {@code null} when
	 * undefined
	 * @param questions per question version, flagged ones first
	 */
	public record Report(int sittings, double meanScore, double standardDeviation, Double cronbachAlpha,
			List<QuestionStatistics> questions) {
	}

	public static Report of(List<Sitting> sittings) {
		int n = sittings.size();
		double[] totals = sittings.stream().mapToDouble(Sitting::total).toArray();
		double mean = mean(totals);
		double sd = Math.sqrt(variance(totals));
		Map<String, List<int[]>> seen = new LinkedHashMap<>();
		for (int s = 0; s < n; s++) {
			List<Item> items = sittings.get(s).items();
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				seen.computeIfAbsent(item.questionId() + ":" + item.version(), (key) -> new ArrayList<>())
					.add(new int[] { s, i });
			}
		}
		List<QuestionStatistics> questions = new ArrayList<>();
		for (List<int[]> uses : seen.values()) {
			questions.add(question(sittings, uses));
		}
		questions.sort(Comparator.comparing((QuestionStatistics q) -> !q.flagged())
			.thenComparing(QuestionStatistics::facility));
		return new Report(n, round(mean), round(sd), alpha(sittings), questions);
	}

	private static QuestionStatistics question(List<Sitting> sittings, List<int[]> uses) {
		Item first = sittings.get(uses.get(0)[0]).items().get(uses.get(0)[1]);
		int m = uses.size();
		double[] fractions = new double[m];
		double[] rest = new double[m];
		double[] totals = new double[m];
		Map<String, Double> options = new TreeMap<>();
		for (int u = 0; u < m; u++) {
			Sitting sitting = sittings.get(uses.get(u)[0]);
			Item item = sitting.items().get(uses.get(u)[1]);
			fractions[u] = (item.max() > 0) ? item.awarded() / item.max() : 0;
			rest[u] = sitting.total() - item.awarded();
			totals[u] = sitting.total();
			for (String choice : item.chosen()) {
				options.merge(choice, 1.0, Double::sum);
			}
		}
		options.replaceAll((option, count) -> round(count / m));
		double facility = mean(fractions);
		Double discrimination = discrimination(fractions, totals);
		Double pointBiserial = correlation(fractions, rest);
		boolean flagged = (discrimination != null && discrimination < LOW_DISCRIMINATION)
				|| (pointBiserial != null && pointBiserial < 0);
		return new QuestionStatistics(first.questionId(), first.version(), first.label(), first.type(), m,
				round(facility), (discrimination != null) ? round(discrimination) : null,
				(pointBiserial != null) ? round(pointBiserial) : null, options, flagged);
	}

	/** Upper 27 % minus lower 27 % facility, by total score. */
	static Double discrimination(double[] fractions, double[] totals) {
		int m = fractions.length;
		if (m < 4) {
			return null;
		}
		Integer[] order = new Integer[m];
		for (int i = 0; i < m; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> totals[i]));
		int group = Math.max(1, (int) Math.round(m * 0.27));
		double lower = 0;
		double upper = 0;
		for (int i = 0; i < group; i++) {
			lower += fractions[order[i]];
			upper += fractions[order[m - 1 - i]];
		}
		return (upper - lower) / group;
	}

	static Double correlation(double[] x, double[] y) {
		double vx = variance(x);
		double vy = variance(y);
		if (x.length < 3 || vx == 0 || vy == 0) {
			return null;
		}
		double mx = mean(x);
		double my = mean(y);
		double covariance = 0;
		for (int i = 0; i < x.length; i++) {
			covariance += (x[i] - mx) * (y[i] - my);
		}
		covariance /= x.length;
		return covariance / Math.sqrt(vx * vy);
	}

	/** Cronbach's alpha with paper positions as items (papers of equal length only). */
	static Double alpha(List<Sitting> sittings) {
		if (sittings.size() < 3) {
			return null;
		}
		int k = sittings.get(0).items().size();
		if (k < 2 || sittings.stream().anyMatch((sitting) -> sitting.items().size() != k)) {
			return null;
		}
		double itemVariances = 0;
		for (int i = 0; i < k; i++) {
			int position = i;
			itemVariances += variance(
					sittings.stream().mapToDouble((s) -> s.items().get(position).awarded()).toArray());
		}
		double totalVariance = variance(sittings.stream().mapToDouble(Sitting::total).toArray());
		if (totalVariance == 0) {
			return null;
		}
		return round((double) k / (k - 1) * (1 - itemVariances / totalVariance));
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return (values.length > 0) ? sum / values.length : 0;
	}

	private static double variance(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double mean = mean(values);
		double sum = 0;
		for (double value : values) {
			sum += (value - mean) * (value - mean);
		}
		return sum / values.length;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
