package org.clientclub.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the round trips the application makes to the database: every statement executed (a batch counts once,
 * as the driver sends it at once) and every commit and rollback, by thread (without its number) and statement
 * text. Registered as a bean, it wraps the application's data source.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (method, args) -> {
                Object result = method.invoke(dataSource, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    public void reset() {
        counts.clear();
    }

    /** @return thread → statement → count, sorted */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        counts.forEach((key, count) -> {
            int tab = key.indexOf('\t');
            result.computeIfAbsent(key.substring(0, tab), t -> new TreeMap<>())
                    .put(key.substring(tab + 1), count.sum());
        });
        return result;
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0)) {
                count(name.toUpperCase());
            }
            Object result = method.invoke(connection, args);
            if (result instanceof Statement statement && !Proxy.isProxyClass(result.getClass())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                return statement(statement, sql);
            }
            return result;
        });
    }

    private Statement statement(Statement statement, String preparedSql) {
        Class<?> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler invocation = (p, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? args[0] + "" : "?";
                count((method.getName().equals("executeBatch") ? "BATCH " : "") + normalise(sql));
            }
            try {
                return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Statement)
                Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private void count(String what) {
        String thread = Thread.currentThread().getName().replaceAll("[-_ ]?\\d+$", "");
        counts.computeIfAbsent(thread + "\t" + what, k -> new LongAdder()).increment();
    }

    private static String normalise(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (p, method, args) -> {
            try {
                return handler.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(
                Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }
}
