// Loads each member YAML with the Hazelcast that members run (java -cp hazelcast.jar LoadMemberConfigs.java FILE...)
// and checks the join method it declares is the one that ends up enabled: Hazelcast ignores misspelt keys in
// places, so a schema-free YAML can "pass" and still join nobody.
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.io.File;

public class LoadMemberConfigs {
    public static void main(String[] args) throws Exception {
        int bad = 0;
        for (String file : args) {
            JoinConfig join = Config.loadFromFile(new File(file)).getNetworkConfig().getJoin();
            String enabled = (join.getAwsConfig().isEnabled() ? "aws " : "")
                    + (join.getKubernetesConfig().isEnabled() ? "kubernetes " : "")
                    + (join.getTcpIpConfig().isEnabled() ? "tcp-ip " : "")
                    + (join.getMulticastConfig().isEnabled() ? "multicast " : "");
            String expected = file.contains("aws") ? "aws " : file.contains("kubernetes") ? "kubernetes " : "tcp-ip ";
            boolean ok = enabled.equals(expected);
            bad += ok ? 0 : 1;
            System.out.println((ok ? "ok " : "BAD ") + file + ": join " + enabled.strip());
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
