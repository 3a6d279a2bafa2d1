// gavelctl 的中文帮助：总览和每个命令一页。Constant data, any thread.
#include <utility>

#include "help.hpp"

namespace gavel::cli {

namespace {

constexpr std::string_view kOverviewZh = R"(gavelctl：在命令行上主持 Gavel（议事厅）会议。

用法：gavelctl [选项] 命令 [参数...]

选项（可写在任意位置，单独的 "--" 之前）：
  --server URL       gaveld 的地址：http://主机:端口/、https://...、ws://主机:端口/ws、
                     wss://... 或 主机:端口（默认取访问文件中的地址，否则
                     http://127.0.0.1:8080/；环境变量 GAVEL_SERVER）
  --token T          使用的令牌：参会人的个人令牌或某个角色的令牌（环境变量 GAVEL_TOKEN）
  --access FILE      gaveld 数据目录中的 access.json：服务器地址和各角色令牌（环境变量 GAVEL_ACCESS）
  --role R           从访问文件中取哪个角色的令牌：chair（主持人，默认）、
                     secretary（记录员）或 display（投影）
  --as PID           以参会人 PID 的身份操作，令牌取自访问文件旁的 participants.csv
                     （用于演练和脚本）
  --json             以 JSON 输出回复、状态和事件
  --lang zh|en       界面语言（默认中文；LANG=en_* 时为英文）
  --yes              不可撤销的操作（结束会议、结束表决、结束议题）不再确认；
                     只有在终端上运行时 gavelctl 才会询问
  --ca FILE          wss/https：信任此 CA（PEM）签发的服务器证书
  --insecure         wss/https：接受任何证书，例如自签名证书
  --timeout SECONDS  等待服务器的秒数（默认 5）
  -h, --help         本帮助；`gavelctl 命令 --help` 查看单个命令

命令：
  meeting start|end [--force]            开始或结束会议
  item open ID|close|next|defer ID|reopen ID
                                         议程：开启、结束、下一项、推迟、重新开启
  items list                             议程及各议题状态
  opinion add ITEM --author 姓名 内容    缺席方书面意见
  opinions list                          各议题的书面意见
  checkin [PID], checkout [PID]          签到、签退
  interest declare [ITEM] [--participant PID]
                                         协商回避：不参加该议题的表决
  speakers list|request|withdraw|grant|next|move|remove|close|reopen
                                         发言名单
  timer pause|resume|extend 秒数|end     当前发言的计时
  dissent add|reply|list                 分歧点、少数意见、异议
  motion propose|second|withdraw         动议、附议、撤回
  vote open|close|cast                   表决与投票
  resolution add                         决议及责任人、完成时限
  resolutions list                       已记录的决议
  minutes sign 姓名                      记录员签署会议纪要
  status                                 会议当前概况
  roster                                 参会名单、编号及到会情况
  watch [--resume SEQ]                   实时逐条显示会议事件，按 Ctrl-C 结束

服务器保存命令后，gavelctl 显示“已记录”及序号，并显示随之而来的提醒
（例如“未达法定人数”）。错误只占 stderr 的一行；用法错误时退出码为 2，
服务器拒绝或连接失败时为 1。
)";

constexpr std::pair<std::string_view, std::string_view> kPagesZh[] = {
    {"meeting", R"(用法：gavelctl meeting start
      gavelctl meeting end [--force]

开始会议（须处于未开始状态）或结束会议；结束后开始计算 24 小时的纪要时限。
仍有进行中的议题、发言、等候发言的人或表决时，服务器拒绝结束并说明是哪些；
--force 先结束它们再结束会议。尚未讨论的议题记为“未议”。
在终端上运行时 gavelctl 会先确认（--yes 跳过）。主持人。

  gavelctl --access data/access.json meeting start
  gavelctl meeting end
)"},
    {"item", R"(用法：gavelctl item open 议题
      gavelctl item close
      gavelctl item next
      gavelctl item defer 议题
      gavelctl item reopen 议题
      gavelctl items list

open    开启议题（编号见 `gavelctl items list`）
close   结束当前议题（在终端上会先确认；--yes 跳过）
next    结束当前议题并开启下一个待议议题
defer   把待议议题推迟到以后的会议（纪要中注明）
reopen  重新开启已结束或已推迟的议题，记录在案
list    议程：各议题的编号、状态和标题
未达法定人数也可以开启议题，回复中会给出提醒。主持人。

  gavelctl item open lift
)"},
    {"opinion", R"(用法：gavelctl opinion add 议题 --author 姓名 内容
      gavelctl opinions list

把不能到会者的书面意见（缺席方意见）附在议题上，随议题显示并写入纪要。
主持人或记录员。

  gavelctl opinion add parking --author "3号楼 王阿姨" "同意加装，但费用要公开"
  gavelctl opinions list
)"},
    {"checkin", R"(用法：gavelctl checkin [PID]
      gavelctl checkout [PID]

登记参会人 PID 到会（或离会）。不写 PID 时为令牌持有人本人。
主持人或记录员可为他人登记；参会人只能为自己登记。

  gavelctl --role secretary checkin p07
  gavelctl --access data/access.json --as p07 checkin
)"},
    {"interest", R"(用法：gavelctl interest declare [议题] [--participant PID]

协商回避：参会人申报与议题（默认当前议题）有利害关系，不参加其表决；纪要中注明。
不写 --participant 时为令牌持有人本人。

  gavelctl interest declare parking --participant p16
)"},
    {"speakers", R"(用法：gavelctl speakers list
      gavelctl speakers request [--kind 类型] [--for PID]
      gavelctl speakers withdraw [RID]
      gavelctl speakers grant RID
      gavelctl speakers grant --participant PID
      gavelctl speakers next
      gavelctl speakers move RID 位置
      gavelctl speakers remove RID
      gavelctl speakers close
      gavelctl speakers reopen

list      按发言顺序列出名单及申请编号（RID）
request   申请发言；类型：contribution（一般发言，默认）、pro（支持）、contra（反对）、
          reply（简短回应）、point-of-order（程序问题，排在最前）。--for：代 PID 申请（主持人）
withdraw  撤回申请 RID（默认撤回自己的）
grant     把发言权交给申请 RID，或直接交给参会人 PID
next      结束当前发言，请名单上的第一位发言
move      把申请 RID 移到位置（0 为最前）
remove    把申请 RID 移出名单
close     停止接受新的发言申请；reopen 重新接受
主持人管理名单；参会人可申请和撤回。

  gavelctl speakers request --for p04 --kind pro
  gavelctl speakers next
)"},
    {"timer", R"(用法：gavelctl timer pause
      gavelctl timer resume
      gavelctl timer extend 秒数
      gavelctl timer end

暂停、继续、延长或结束当前发言的计时（发言限时制，默认每人 5 分钟）。主持人。

  gavelctl timer extend 60
)"},
    {"dissent", R"(用法：gavelctl dissent add [--item 议题] [--kind 类型] [--who PID | --anonymous] 内容
      gavelctl dissent reply DID 回应
      gavelctl dissent list

观点记录制：记录分歧点（disagreement，默认）、少数意见（minority）、
正式异议（objection）或阻止共识（block）；reply 记录回应或折中方案；
list 列出全部记录及编号。记录员或主持人记录；参会人可记录自己的意见。

  gavelctl --role secretary dissent add --kind objection --who p12 "电梯井影响一楼采光"
  gavelctl --role secretary dissent reply 1 "由受益住户给予一次性补偿"
  gavelctl dissent list
)"},
    {"motion", R"(用法：gavelctl motion propose [--amends MID] [--mover PID] 内容
      gavelctl motion second MID [--seconder PID]
      gavelctl motion withdraw MID

propose   就当前议题提出动议（--amends：对动议 MID 的修正案）；
          --mover：代参会人 PID 提出（主持人须写明动议人）
second    附议动议 MID，随后进入辩论；--seconder：代 PID 附议
withdraw  撤回动议 MID
罗伯特议事规则：动议须经附议才能辩论，然后表决。

  gavelctl motion propose --mover p05 "同意在3号楼2单元加装电梯"
  gavelctl motion second 1 --seconder p14
)"},
    {"vote", R"(用法：gavelctl vote open --motion MID [--question 问题] [--form 方式] [--option 方案[=说明]]...
                         [--max N] [--secret] [--threshold 标准] [--abstentions-count]
                         [--weighted] [--veto-group 群体] [--live-tally]
      gavelctl vote close
      gavelctl vote cast 选择... [--reason 理由] [--receipt 回执] [--press-id ID] [--vote VID]

open    就已附议的动议开始表决（主持人）。
        方式：yes-no（默认：赞成/反对/弃权）、one-of（两个以上 --option，
              不写则取会议文件中该议题的方案）、k-of（--option ... 和 --max N）、
              consensus（同意/可以接受/阻止）
        --option 方案A=与商场错峰共享：方案名称和简短说明
        标准：simple（默认）、absolute、two-thirds、unanimous；
              显示的文字随表决方式而定（如比选为“得票最多的方案当选”）
        --secret：无记名投票，任何人都无法把选票与投票人对应
        --abstentions-count：弃权计入投票总数
        --weighted：按参会人权重计票
        --veto-group：该群体的反对票可否决（一票否决）
        --live-tally：无记名表决进行中按批显示票数
        未达法定人数或适用一票否决时，回复中会说明。
close   结束表决并公布结果（主持人；在终端上会先确认）。
cast    以参会人身份投票（--token 或 --as PID）。选择可以是 `gavelctl status`
        中的方案序号（从 1 开始）、方案文字，或 yes|no|abstain（赞成/反对/弃权）、
        agree|accept|block（共识）。阻止须写 --reason。无记名投票会显示回执：
        带 --receipt 再投一次即可改票。--press-id：同一编号只计一次。

  gavelctl vote open --motion 1 --secret --threshold two-thirds
  gavelctl --access data/access.json --as p07 vote cast yes
  gavelctl vote close
)"},
    {"resolution", R"(用法：gavelctl resolution add --motion MID --responsible 责任人 --deadline YYYY-MM-DD [内容]
      gavelctl resolutions list

记录动议 MID 的决议、责任人和完成时限（会议纪要：责任人和完成时限）。
不写内容时取动议原文。主持人或记录员。

  gavelctl resolution add --motion 2 --responsible "物业公司 韩立新" --deadline 2026-04-30
  gavelctl resolutions list
)"},
    {"minutes", R"(用法：gavelctl minutes draft [--format md|html|pdf|csv] [-o 文件]
      gavelctl minutes note 目标 文本
      gavelctl minutes edit 目标 文本
      gavelctl minutes sign 姓名
      gavelctl minutes export --format md|html|pdf|csv|json -o 文件 [--version N] [--draft]

纪要由会议记录自动起草。note 为任一部分加记录员注；edit 只能改议题的文字
（标题、背景、方案、小结）；表决、时间、出席、发言、动议、分歧和决议是记录的事实，
只能加注。sign（记录员，会后 24 小时内）签署当前版本；之后的修改成为下一版。
export 导出已签署的版本；未签署的只能加 --draft 导出为“草稿”。csv 是决议执行清单；
json 是会议的完整记录（含每个事件的哈希），可用 gavelctl verify 检查。

  gavelctl --role secretary minutes sign 林晓雯
  gavelctl --role secretary minutes export --format pdf -o 纪要.pdf
  gavelctl --role secretary minutes export --format json -o 记录.json
)"},
    {"status", R"(用法：gavelctl status

会议当前概况：阶段、议程、当前议题、发言人和剩余时间、发言名单、
出席与法定人数（列席分开计算）、动议、进行中表决的投票情况和上一次结果。
加 --json 输出完整快照。
)"},
    {"roster", R"(用法：gavelctl roster

参会名单：编号、群体、是否到会、是否列席。加 --json 输出 JSON。
)"},
    {"watch", R"(用法：gavelctl watch [--resume SEQ]

逐条显示发生的事件，每条一句话（“#12 09:14:03 王秀兰 开始发言（限时 300 秒）”），
直到按 Ctrl-C 或连接断开（退出码 1）。加 --json 时每行一个 JSON 对象。
--resume SEQ：先显示事件 SEQ 之后发生的事（服务器仍保存时）。
)"},
};

}  // namespace

std::string_view overview_help_zh() { return kOverviewZh; }

std::string_view command_help_zh(std::string_view command) {
  for (const auto& [name, text] : kPagesZh)
    if (name == command) return text;
  return {};
}

}  // namespace gavel::cli
