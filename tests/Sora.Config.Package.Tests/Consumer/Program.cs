using Consumer;

var production = Configs.Production;
var again = NodeConf.Parse(production.Serialize());
Console.WriteLine($"turn_tcp_port={production.TurnTcpPort}");
Console.WriteLine($"round-trip={again.Serialize() == production.Serialize()}");
Console.WriteLine($"findings={production.Validate().Count}");
