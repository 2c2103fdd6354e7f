#!/usr/bin/perl
# An independent SMPP client for the tests (Debian's libnet-smpp-perl): binds as a transceiver, sends a
# burst of submit_sm without waiting (asynchronous mode), collects every submit_sm_resp, then optionally
# waits for deliver_sm (answering each), and prints one JSON object.
#   perl smpp-esme.pl HOST PORT SYSTEM_ID PASSWORD < plan.json
#   plan: {"submits": [{"dest": "959…", "ton": 1, "text": "…", "ucs2": false, "rd": 1}], "delivers": 0, "timeout": 10,
#          "align": true}   (align: start the burst just after a second begins, so it falls in one throughput window)
use strict;
use warnings;
use JSON::PP;
use Net::SMPP;
use Encode qw(encode);
use Time::HiRes qw(time sleep);

my ($host, $port, $system_id, $password) = @ARGV;
my $plan = decode_json(do { local $/; <STDIN> });
my %out = (submits => [], delivers => []);
$SIG{ALRM} = sub { $out{error} = 'timeout'; print encode_json(\%out), "\n"; exit 0 };
alarm($plan->{timeout} // 15);

my ($smpp, $resp) = Net::SMPP->new_transceiver($host, port => $port, system_id => $system_id, password => $password, async => 0);
if (!$smpp || !$resp) { $out{error} = 'connect'; print encode_json(\%out), "\n"; exit 0 }
$out{bind_status} = $resp->{status};
if ($resp->{status}) { print encode_json(\%out), "\n"; exit 0 }

if ($plan->{align}) { my $t = time; sleep(1 - ($t - int($t)) + 0.02) }
my @seqs;
for my $s (@{ $plan->{submits} // [] }) {
  my $ucs2 = $s->{ucs2} ? 1 : 0;
  my $seq = $smpp->submit_sm(
    async => 1,
    source_addr_ton => 5, source_addr => 'PerlTest',
    dest_addr_ton => $s->{ton} // 1, dest_addr_npi => 1, destination_addr => $s->{dest},
    registered_delivery => $s->{rd} // 0,
    data_coding => $ucs2 ? 8 : 0,
    short_message => $ucs2 ? encode('UCS-2BE', $s->{text}) : $s->{text},
  );
  push @seqs, $seq;
}
my %want = map { $_ => 1 } @seqs;
my %answer;
my $delivers = $plan->{delivers} // 0;
while (%want || @{ $out{delivers} } < $delivers) {
  my $pdu = $smpp->read_pdu() or last;
  if ($pdu->{cmd} == Net::SMPP::CMD_submit_sm_resp) {
    $answer{ $pdu->{seq} } = { status => $pdu->{status}, message_id => $pdu->{message_id} // '' };
    delete $want{ $pdu->{seq} };
  } elsif ($pdu->{cmd} == Net::SMPP::CMD_deliver_sm) {
    push @{ $out{delivers} }, { esm_class => $pdu->{esm_class}, short_message => $pdu->{short_message} };
    $smpp->deliver_sm_resp(seq => $pdu->{seq}, message_id => '');
  } elsif ($pdu->{cmd} == Net::SMPP::CMD_enquire_link) {
    $smpp->enquire_link_resp(seq => $pdu->{seq});
  }
}
$out{submits} = [ map { $answer{$_} // { status => -1 } } @seqs ];
$smpp->unbind(async => 1);
print encode_json(\%out), "\n";
