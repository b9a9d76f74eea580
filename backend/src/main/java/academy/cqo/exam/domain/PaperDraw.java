package academy.cqo.exam.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws a paper: per section, {@code count} questions at random from the candidates (in
 * their stable order), none twice, optionally shuffled. The same seed and the same
 * candidates give the same paper, so every draw can be reproduced from the seed recorded
 * with the attempt.
 */
public final class PaperDraw {

	private final Random random;

	public PaperDraw(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * One drawn question.
	 *
	 * @param section the section's index
	 * @param questionId the question
	 */
	public record Drawn(int section, String questionId) {
	}

	/**
	 * Draw the questions of every section.
	 * @param candidates per section, the question ids it may draw, in a stable order
	 * @param counts per section, how many to draw
	 * @param shuffle whether the questions of a section are shown in random order
	 * @return the drawn questions in the order shown
	 * @throws IllegalStateException when a section has too few candidates
	 */
	public List<Drawn> draw(List<List<String>> candidates, List<Integer> counts, boolean shuffle) {
		Set<String> taken = new HashSet<>();
		List<Drawn> paper = new ArrayList<>();
		for (int section = 0; section < counts.size(); section++) {
			List<String> pool = new ArrayList<>(candidates.get(section));
			pool.removeAll(taken);
			if (pool.size() < counts.get(section)) {
				throw new IllegalStateException(
						"Section " + (section + 1) + " needs " + counts.get(section) + " but has " + pool.size());
			}
			Collections.shuffle(pool, this.random);
			List<String> chosen = new ArrayList<>(pool.subList(0, counts.get(section)));
			if (!shuffle) {
				List<String> ordered = new ArrayList<>(candidates.get(section));
				ordered.retainAll(chosen);
				chosen = ordered;
			}
			for (String id : chosen) {
				taken.add(id);
				paper.add(new Drawn(section, id));
			}
		}
		return paper;
	}

	/**
	 * The order options are shown in.
	 * @param optionIds the options in authoring order
	 * @param shuffle whether to shuffle them
	 * @return the ids in the order shown
	 */
	public List<String> optionOrder(List<String> optionIds, boolean shuffle) {
		List<String> order = new ArrayList<>(optionIds);
		if (shuffle) {
			Collections.shuffle(order, this.random);
		}
		return order;
	}

}
