import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts DynamoDB Local the way its own main() does, with two differences it has no flags for.
 *
 * 1. It listens on 127.0.0.1 only. DynamoDB Local builds Jetty with `new Server(port)`, which listens on
 *    every interface, and it has no host option; the connector is reachable through the private `server`
 *    field, so the host is set there before start.
 * 2. It exits when its standard input closes. The Node parent holds the other end of that pipe, so the JVM
 *    dies with the parent even when the parent is killed with SIGKILL and no exit handler runs.
 *
 * loopback-launcher.ts compiles it once into the cache; it takes DynamoDB Local's own flags:
 *   java -cp DynamoDBLocal.jar:<classes> LoopbackDynamoDbLocal -sharedDb -inMemory -port 8000
 */
public final class LoopbackDynamoDbLocal {
  static final String READY_LINE = "DynamoDB Local listening on 127.0.0.1";

  public static void main(String[] args) {
    try {
      start(args);
    } catch (Throwable error) {
      // DynamoDB Local's background threads are not daemons; without an explicit exit a failed start
      // (a port already taken) would leave a JVM running that serves nothing.
      error.printStackTrace();
      System.exit(1);
    }
  }

  private static void start(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector) {
        ((ServerConnector) connector).setHost("127.0.0.1");
      }
    }
    Thread parentWatch = new Thread(LoopbackDynamoDbLocal::exitWhenStdinCloses, "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    proxy.start();
    // DynamoDB Local reports some failed binds on stdout and returns; the exit code must say so.
    if (!jetty.isStarted()) {
      System.exit(1);
    }
    // The parent waits for this line, so a probe answered by another server on the same port is not
    // mistaken for this one.
    System.out.println(READY_LINE);
  }

  private static void exitWhenStdinCloses() {
    try {
      while (System.in.read() != -1) {
        // The parent never writes; any bytes are ignored.
      }
    } catch (Exception ignored) {
      // A broken pipe means the parent is gone, the same as end of input.
    }
    Runtime.getRuntime().halt(0);
  }
}
