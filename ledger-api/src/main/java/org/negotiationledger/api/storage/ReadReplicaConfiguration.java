package org.negotiationledger.api.storage;

import com.zaxxer.hikari.HikariConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The read replica of a node, from {@code ledger.replica.url} (with {@code .username} and
 * {@code .password}, which default to the primary's): a PostgreSQL hot standby of the primary the
 * node writes to. Without it the node reads from the primary, as ever. With it the node's data
 * source is wrapped so that an answer {@link ReadReplica#read} runs takes its connections from
 * the replica.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

    /** A replica connection is made, or the replica given up on for this answer, within this time. */
    private static final int CONNECT_SECONDS = 2;

    @Bean(destroyMethod = "close")
    ReadReplica readReplica(Environment environment) {
        String url = environment.getProperty("ledger.replica.url", "");
        ReadReplica.WhenAway whenAway = ReadReplica.WhenAway.valueOf(environment.getProperty(
                "ledger.replica.when-away", "primary").strip().toUpperCase(Locale.ROOT));
        Duration maxLag = environment.getProperty("ledger.replica.max-lag", Duration.class, Duration.ofSeconds(10));
        if (url.isBlank()) {
            return new ReadReplica(null, whenAway, maxLag);
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("replica");
        pool.setJdbcUrl(url);
        pool.setUsername(environment.getProperty("ledger.replica.username",
                environment.getProperty("spring.datasource.username", "")));
        pool.setPassword(environment.getProperty("ledger.replica.password",
                environment.getProperty("spring.datasource.password", "")));
        pool.setMaximumPoolSize(environment.getProperty("ledger.replica.pool-size", Integer.class, 16));
        pool.setReadOnly(true);
        pool.setConnectionTimeout(Duration.ofSeconds(CONNECT_SECONDS).toMillis());
        pool.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        // A replica that is down when the node starts is noted as away; the node starts all the same.
        pool.setInitializationFailTimeout(-1);
        Duration readTimeout = environment.getProperty("ledger.database.read-timeout", Duration.class,
                Duration.ofSeconds(10));
        pool.addDataSourceProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        pool.addDataSourceProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
        pool.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, readTimeout.toSeconds())));
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        return new ReadReplica(pool, whenAway, maxLag);
    }

    /** Wraps the node's data source, when it has a replica, so that {@link ReadReplica#read} can route. */
    @Bean
    static BeanPostProcessor replicaRouting(ObjectProvider<ReadReplica> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource primary && "dataSource".equals(beanName)
                        && replica.getObject().configured()) {
                    return replica.getObject().routing(primary);
                }
                return bean;
            }
        };
    }
}
