import type { ManualSection } from '../../../typings/models';

// Attachment 2: the Tencent Meeting operation manual 腾讯会议操作手册, written for applicants who may never have used
// it. Plain words, one step per sentence; the last section is the matter's own preparation list.

const GENERAL: ManualSection[] = [
  {
    title: '一、提前准备',
    paragraphs: [
      '请使用智能手机参加远程视频踏勘，电量保持在50%以上，最好带上充电宝。',
      '可以在手机应用商店搜索“腾讯会议”下载安装，注册并登录；也可以不安装，直接在微信里使用“腾讯会议”小程序。',
      '踏勘前一天，请在本群里点开会议卡片，确认能打开腾讯会议，并记下会议时间和9位会议号。',
      '请提前把本事项需要展示的材料和物品准备好（见本手册最后一部分），放在踏勘路线上，避免临时翻找。',
    ],
  },
  {
    title: '二、按时进入会议',
    paragraphs: [
      '请在预约时间前5分钟进入会议。',
      '方法一：在本群的会议卡片上点击“进入会议”，会自动打开腾讯会议小程序并填好会议号，按提示入会即可。',
      '方法二：打开腾讯会议App，点击“加入会议”，输入9位会议号；会议有密码的，输入卡片上的密码。',
      '入会名称请使用本群标签（事项名称-受理时间-申请人姓名），经办人据此核对是哪一件申请。',
      '如果暂时进不去，请在本群里留言或致电经办人，不要反复退出重进。',
    ],
  },
  {
    title: '三、允许使用摄像头和麦克风',
    paragraphs: [
      '第一次使用时，手机会询问是否允许腾讯会议使用摄像头和麦克风，请选择“允许”。',
      '如果之前点了“拒绝”，请到手机“设置”里找到腾讯会议（使用小程序的，找到微信），打开“相机”和“麦克风”权限，然后重新入会。',
      '入会后请确认屏幕下方的“开启视频”和“解除静音”已经打开。',
    ],
  },
  {
    title: '四、使用后置摄像头拍摄现场',
    paragraphs: [
      '入会后点击“切换摄像头”，改用手机背面的后置摄像头，它更清晰，也方便边走边拍。',
      '拍摄时手机拿稳，慢慢移动，每到一处停留几秒钟，让经办人看清楚。',
      '需要看证件、标签、铭牌或数字时，请把镜头靠近到字迹清楚为止，等经办人说“可以了”再移开。',
      '经办人会请您对着镜头出示现场校验码，请按要求展示，不要遮挡。',
      '请拍摄实时画面，不要播放事先录好的视频或图片。',
    ],
  },
  {
    title: '五、光线和网络',
    paragraphs: [
      '请打开现场的照明灯，拉开窗帘；不要对着窗户或强光拍摄，以免画面发黑。',
      '尽量连接稳定的无线网络；使用手机流量的，请确认信号良好，地下室、水箱间等信号弱的地方可提前试一试。',
      '如果中途掉线，请用同一个会议号重新进入，经办人会接着进行，踏勘记录会注明掉线情况。',
      '踏勘过程中请关闭其他占用网络的应用，把手机调成免打扰，避免来电打断。',
    ],
  },
  {
    title: '六、踏勘中和踏勘后',
    paragraphs: [
      '经办人会先核对您的身份，再按检查项顺序请您展示现场；请如实、完整地展示，有问题可以当场说明。',
      '踏勘全程会录像并截图存档，这一点已写在您签署的同意书中。',
      '踏勘结束后请等经办人宣布结束再退出会议；结果会在小程序和订阅消息中通知您。',
    ],
  },
];

/** The whole manual for one matter: the general steps, then what to show for this matter. */
export function meetingManual(matter: { name: string; preparation: readonly string[] }): ManualSection[] {
  return [
    ...GENERAL,
    {
      title: `七、“${matter.name}”需要准备和展示的内容`,
      paragraphs: matter.preparation.length
        ? matter.preparation.map((item, i) => `${i + 1}. ${item}`)
        : ['请按经办人在本群中的要求准备。'],
    },
  ];
}
