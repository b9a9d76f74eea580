package academy.cqo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * CQO Academy (首席质量官培训考核平台): training, examination and certification for enterprise Chief
 * Quality Officers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CqoAcademyApplication {

	public static void main(String[] args) {
		SpringApplication.run(CqoAcademyApplication.class, args);
	}

}
